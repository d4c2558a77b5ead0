package com.aggpay.simulator.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** Runs the openssl CLI: an implementation that shares nothing with the JDK's, to check ours against. */
final class OpenSsl {

    private OpenSsl() {
    }

    static boolean available() {
        try {
            return run(Path.of("."), "version").startsWith("OpenSSL");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** openssl's standard output and error together; throws when it fails or takes over half a minute. */
    static String run(Path dir, String... args) {
        String[] command = Stream.concat(Stream.of("openssl"), Stream.of(args)).toArray(String[]::new);
        Process openssl;
        try {
            openssl = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl cannot be started", e);
        }
        try (var out = openssl.getInputStream()) {
            byte[] printed = out.readAllBytes();
            Process done = openssl.onExit().get(30, TimeUnit.SECONDS);
            String text = new String(printed, StandardCharsets.UTF_8);
            if (done.exitValue() == 0) {
                return text;
            }
            throw new IllegalStateException(String.join(" ", command) + " exited " + done.exitValue() + ": " + text);
        } catch (IOException | ExecutionException | TimeoutException e) {
            openssl.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
