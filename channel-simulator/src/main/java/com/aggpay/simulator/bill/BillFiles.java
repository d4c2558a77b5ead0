package com.aggpay.simulator.bill;

import com.aggpay.simulator.crypto.Randoms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Bill files made on request, kept in memory under an unguessable token until they are fetched from the download
 * URL the bill call answered (both wallets answer a URL rather than the file). Only the latest files are kept.
 */
@Component
public class BillFiles {

    private static final int KEPT = 200;

    /** @param account the upstream account the bill belongs to: another account's download is refused */
    public record File(String account, String name, String contentType, byte[] content) {
    }

    private final Map<String, File> byToken = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, File> eldest) {
            return size() > KEPT;
        }
    };

    public synchronized String put(File file) {
        String token = Randoms.secureAlnum(32);
        byToken.put(token, file);
        return token;
    }

    public synchronized Optional<File> get(String token) {
        return Optional.ofNullable(token == null ? null : byToken.get(token));
    }
}
