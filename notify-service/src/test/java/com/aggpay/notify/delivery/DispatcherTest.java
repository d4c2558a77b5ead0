package com.aggpay.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    @Test
    void what_waits_in_memory_goes_back_within_a_quarter_of_the_lease_and_never_after_five_seconds() {
        assertThat(Dispatcher.maxWaitInMemory(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(5));
        assertThat(Dispatcher.maxWaitInMemory(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
        // RestartIT's short lease: waiting 5 s let the instance's own scan claim a waiting event again and send it twice
        assertThat(Dispatcher.maxWaitInMemory(Duration.ofSeconds(3))).isEqualTo(Duration.ofMillis(750));
    }
}
