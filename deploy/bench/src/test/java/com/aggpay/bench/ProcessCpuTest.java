package com.aggpay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @Test
    void a_process_named_by_a_pid_file_is_accounted_and_its_cpu_time_grows_while_it_works(@TempDir Path pids)
            throws Exception {
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Files.writeString(pids.resolve("busy-loop.pid"), busy.pid() + "\n");
            Files.writeString(pids.resolve("gone.pid"), "999999999\n");
            ProcessCpu cpu = ProcessCpu.discover(pids);

            assertThat(cpu.processes()).extracting(ProcessCpu.Proc::name)
                    .contains("busy-loop", "bench-driver (this process)").doesNotContain("gone");
            int i = cpu.processes().indexOf(cpu.find("busy-loop"));
            long before = cpu.snapshotMillis()[i];
            long after = before;
            // on a shared 2-core machine the loop may get little of the CPU: wait for it, within reason
            for (long deadline = System.nanoTime() + 10_000_000_000L; after - before < 100
                    && System.nanoTime() < deadline; ) {
                Thread.sleep(100);
                after = cpu.snapshotMillis()[i];
            }

            assertThat(after - before).isGreaterThanOrEqualTo(100);
        } finally {
            busy.destroyForcibly().waitFor();
        }
        assertThat(busy.isAlive()).isFalse();
    }
}
