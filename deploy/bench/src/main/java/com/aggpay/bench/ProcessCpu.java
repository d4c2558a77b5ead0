package com.aggpay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CPU time of the platform's processes, read from {@code /proc/<pid>/stat} (utime + stime of all threads, in clock
 * ticks). Two snapshots around a window give each process's CPU in it; divided by the orders of the window that is
 * the CPU cost of an order, which, unlike throughput, does not depend on what else shares the machine.
 */
final class ProcessCpu {

    /** A process to account: its name in the report and its pid. */
    record Proc(String name, long pid, boolean driver) {
    }

    private final List<Proc> processes;
    private final long ticksPerSecond;

    private ProcessCpu(List<Proc> processes, long ticksPerSecond) {
        this.processes = List.copyOf(processes);
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * Every live process named by a {@code <name>.pid} file in {@code pidDir} (the services, the simulator, the demo
     * webhook receiver and, when local mode started it, Kafka), plus MariaDB, Redis and Kafka found by name, plus
     * this driver.
     */
    static ProcessCpu discover(Path pidDir) throws IOException {
        Map<Long, Proc> found = new LinkedHashMap<>();
        if (Files.isDirectory(pidDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pidDir, "*.pid")) {
                List<Path> sorted = new ArrayList<>();
                files.forEach(sorted::add);
                sorted.sort(null);
                for (Path file : sorted) {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    String text = Files.readString(file).trim();
                    if (!text.matches("[0-9]{1,10}")) {
                        continue;
                    }
                    long pid = Long.parseLong(text);
                    if (Files.exists(Path.of("/proc", Long.toString(pid), "stat"))) {
                        found.putIfAbsent(pid, new Proc(name, pid, false));
                    }
                }
            }
        }
        Set<String> named = found.values().stream().map(Proc::name).collect(Collectors.toSet());
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                long pid = Long.parseLong(proc.getFileName().toString());
                String comm = readOrEmpty(proc.resolve("comm")).trim();
                if (comm.equals("mariadbd") || comm.equals("mysqld") || comm.equals("redis-server")) {
                    found.putIfAbsent(pid, new Proc(comm, pid, false));
                } else if (comm.equals("java") && !named.contains("kafka")
                        && readOrEmpty(proc.resolve("cmdline")).contains("kafka.Kafka")) {
                    found.putIfAbsent(pid, new Proc("kafka", pid, false));
                }
            }
        }
        long self = ProcessHandle.current().pid();
        found.put(self, new Proc("bench-driver (this process)", self, true));
        return new ProcessCpu(new ArrayList<>(found.values()), clockTicks());
    }

    List<Proc> processes() {
        return processes;
    }

    Proc find(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no running process named " + name + "; known: "
                        + processes.stream().map(Proc::name).collect(Collectors.joining(", "))));
    }

    /** Milliseconds of CPU used so far by each process, in the order of {@link #processes()}; -1 when it is gone. */
    long[] snapshotMillis() {
        long[] ms = new long[processes.size()];
        for (int i = 0; i < ms.length; i++) {
            long ticks = ticks(processes.get(i).pid());
            ms[i] = ticks < 0 ? -1 : ticks * 1000 / ticksPerSecond;
        }
        return ms;
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** utime + stime: fields 14 and 15 of stat, counted after the command name, which may hold spaces. */
    private static long ticks(long pid) {
        String stat = readOrEmpty(Path.of("/proc", Long.toString(pid), "stat"));
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = stat.substring(close + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long clockTicks() throws IOException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        try {
            if (getconf.waitFor() == 0) {
                return Long.parseLong(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NumberFormatException e) {
            // fall through to the failure below
        }
        throw new IOException("getconf CLK_TCK failed: " + out);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return ""; // the process ended between listing and reading
        }
    }
}
