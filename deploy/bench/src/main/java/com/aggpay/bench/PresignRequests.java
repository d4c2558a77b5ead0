package com.aggpay.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Signs {@code --count} distinct unified orders ahead of time for {@code deploy/bench/wrk.sh}: one line each,
 * {@code <Authorization header>\t<body>}, for {@code presigned.lua} to replay in order. Every line has its own nonce
 * and {@code mch_order_no}, so none is refused as a replay or an idempotent repeat; the signatures' timestamps
 * stay valid for 300 s from now, so the replay must start and end within that.
 *
 * <p>Usage: {@code java -cp … com.aggpay.bench.PresignRequests --count 60000 --out FILE [--pay-way WX_NATIVE]
 * [--app-id demo-app] [--app-secret …]}
 */
public final class PresignRequests {

    private PresignRequests() {
    }

    public static void main(String[] args) throws Exception {
        Options opt = Options.parse(args, Set.of("count", "out", "pay-way", "app-id", "app-secret"));
        int count = opt.integer("count", 0);
        if (count < 1 || !opt.has("out")) {
            System.err.println("usage: PresignRequests --count N --out FILE [--pay-way WX_NATIVE] [--app-id …] "
                    + "[--app-secret …]");
            System.exit(64);
        }
        MerchantRequests requests = new MerchantRequests(opt.string("app-id", "demo-app"),
                opt.string("app-secret", "demo-app-secret-0123456789abcdef"), opt.string("pay-way", "WX_NATIVE"),
                List.of(), MerchantRequests.runPrefix());
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(opt.string("out", null)), StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                MerchantRequests.SignedCreate create = requests.next();
                out.write(create.authorization());
                out.write('\t');
                out.write(create.body());
                out.write('\n');
            }
        }
    }
}
