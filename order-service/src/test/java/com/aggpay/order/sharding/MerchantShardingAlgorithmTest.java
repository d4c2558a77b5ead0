package com.aggpay.order.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

class MerchantShardingAlgorithmTest {

    private static final List<String> SHARDS = List.of("ds_1", "ds_0");
    private final MerchantShardingAlgorithm algorithm = new MerchantShardingAlgorithm();

    @Test
    void a_merchant_and_every_id_made_for_it_lead_to_the_same_shard() {
        String expected = "ds_" + MerchantSlots.of("M10001") % 2;
        String hex = MerchantSlots.randomHex("M10001");

        assertThat(route(on("mch_no", "M10001"))).containsExactly(expected);
        assertThat(route(on("msg_key", "M10001"))).containsExactly(expected);
        assertThat(route(on("pay_order_id", "po_" + hex))).containsExactly(expected);
        assertThat(route(on("refund_id", "rf_" + hex))).containsExactly(expected);
        assertThat(route(on("out_trade_no", hex + "03"))).containsExactly(expected);
        assertThat(route(on("out_refund_no", hex))).containsExactly(expected);
    }

    @Test
    void the_merchant_decides_when_the_statement_names_it_with_an_id_of_unknown_make() {
        Map<String, Collection<Comparable<?>>> both = Map.of("MCH_NO", List.of("M10001"),
                "pay_order_id", List.of("po_someone-elses"));

        assertThat(route(both))
                .containsExactly("ds_" + MerchantSlots.of("M10001") % 2);
    }

    @Test
    void an_id_that_carries_no_slot_is_looked_for_on_every_shard() {
        assertThat(route(on("pay_order_id", "po_M10001O1"))).containsExactlyInAnyOrder("ds_0", "ds_1");
    }

    @Test
    void an_id_of_ours_decides_beside_a_number_of_unknown_make() {
        String hex = MerchantSlots.randomHex("M10001");
        Map<String, Collection<Comparable<?>>> attempt = Map.of("pay_order_id", List.of("po_" + hex),
                "out_trade_no", List.of("x01"));

        assertThat(route(attempt)).containsExactly("ds_" + MerchantSlots.of("M10001") % 2);
    }

    @Test
    void a_column_asked_to_be_null_allows_every_shard() {
        Map<String, Collection<Comparable<?>>> isNull = new HashMap<>();
        isNull.put("out_trade_no", Collections.singletonList(null));

        assertThat(route(isNull)).containsExactlyInAnyOrder("ds_0", "ds_1");
    }

    @Test
    void merchants_spread_over_both_shards() {
        long onFirst = IntStream.range(0, 1000).mapToObj(i -> "M" + (10000 + i))
                .filter(m -> route(on("mch_no", m)).contains("ds_0")).count();

        assertThat(onFirst).isBetween(400L, 600L);
    }

    private static Map<String, Collection<Comparable<?>>> on(String column, String value) {
        return Map.of(column, List.<Comparable<?>>of(value));
    }

    private Collection<String> route(Map<String, Collection<Comparable<?>>> values) {
        return algorithm.doSharding(SHARDS, new ComplexKeysShardingValue<>("pay_order", values, Map.of()));
    }
}
