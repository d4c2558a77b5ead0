package com.aggpay.contracts.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Runs the openssl command line: the independent reference our signatures are checked against. */
final class OpenSsl {

    private OpenSsl() {
    }

    static byte[] run(byte[] stdin, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(args)).redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream s = p.getInputStream()) {
            s.transferTo(out);
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("openssl failed: " + new String(p.getErrorStream().readAllBytes()));
        }
        return out.toByteArray();
    }
}
