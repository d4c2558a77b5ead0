package com.aggpay.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Flight Recorder recording of one platform process over the measured window ({@code jcmd <pid> JFR.start}),
 * and its hottest methods: execution samples counted by their top frame, read with {@code jfr print}, which every
 * JDK since 11 has (unlike {@code jfr view}, which came with 21).
 */
final class JfrProfile {

    /** A method and how many execution samples had it on top of the stack. */
    record HotMethod(String method, long samples) {
    }

    /** The hottest methods and the number of all execution samples, for their shares. */
    record HotMethods(long samples, List<HotMethod> top) {
    }

    private final Path file;

    JfrProfile(Path file) {
        this.file = file;
    }

    /**
     * {@link #start} on a thread of its own, so the caller's timing is not held up by jcmd (a JVM of its own that
     * takes a second or more to attach).
     */
    static CompletableFuture<JfrProfile> startInBackground(ProcessCpu.Proc target, Path file, int seconds,
                                                           String settings) {
        CompletableFuture<JfrProfile> started = new CompletableFuture<>();
        Thread jcmd = new Thread(() -> {
            try {
                started.complete(start(target, file, seconds, settings));
            } catch (IOException | RuntimeException e) {
                started.completeExceptionally(e);
            }
        }, "bench-jcmd");
        jcmd.setDaemon(true);
        jcmd.start();
        return started;
    }

    /** Starts a recording of {@code seconds} that the target JVM writes to {@code file} when it ends. */
    static JfrProfile start(ProcessCpu.Proc target, Path file, int seconds, String settings) throws IOException {
        String out = run(List.of("jcmd", Long.toString(target.pid()), "JFR.start", "name=aggpay-bench",
                "settings=" + settings, "duration=" + seconds + "s", "filename=" + file.toAbsolutePath()));
        if (!out.contains("Started recording")) {
            throw new IOException("jcmd JFR.start on " + target.name() + " failed: " + out.trim());
        }
        return new JfrProfile(file);
    }

    Path file() {
        return file;
    }

    /** Waits until the recording is on disk and no longer growing; false when it did not appear in time. */
    boolean awaitFile(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long lastSize = -1;
        while (System.currentTimeMillis() < deadline) {
            long size = Files.exists(file) ? file.toFile().length() : -1;
            if (size > 0 && size == lastSize) {
                return true;
            }
            lastSize = size;
            Thread.sleep(500);
        }
        return false;
    }

    /** The {@code top} methods most often on top of an execution sample's stack, most frequent first. */
    HotMethods hotMethods(int top) throws IOException, InterruptedException {
        Process print = new ProcessBuilder("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "1",
                file.toAbsolutePath().toString()).redirectErrorStream(true).start();
        Map<String, Long> counts = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(print.getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean topFrameNext = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String trimmed = line.trim();
                if (topFrameNext) {
                    // "java.util.HashMap.hash(Object) line: 338" (or "... bci: 4"): the method without its position
                    counts.merge(trimmed.replaceFirst("\\s+(line|bci):.*$", ""), 1L, Long::sum);
                    topFrameNext = false;
                } else if (trimmed.equals("stackTrace = [")) {
                    topFrameNext = true;
                }
            }
        }
        if (!print.waitFor(60, TimeUnit.SECONDS) || print.exitValue() != 0) {
            throw new IOException("jfr print failed on " + file);
        }
        List<HotMethod> hot = new ArrayList<>();
        counts.forEach((method, n) -> hot.add(new HotMethod(method, n)));
        hot.sort((a, b) -> Long.compare(b.samples(), a.samples()));
        return new HotMethods(hot.stream().mapToLong(HotMethod::samples).sum(),
                List.copyOf(hot.subList(0, Math.min(top, hot.size()))));
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
