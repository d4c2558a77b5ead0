package com.aggpay.order.sharding;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * ShardingSphere's choice of shard for the order tables ({@code sharding/order-shards.yaml}): by the merchant
 * ({@code mch_no}, or {@code msg_key} of an outbox row) when the statement names it, else by the slot in the ids it
 * names ({@link MerchantSlots#ofId}). A column whose values carry no slot (an id not made here, a channel's own trade
 * number) allows every shard; the statement goes to the shards that all its columns allow.
 */
public final class MerchantShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

    private static final List<String> MERCHANT_COLUMNS = List.of("mch_no", "msg_key");

    @Override
    public Collection<String> doSharding(Collection<String> shards,
                                         ComplexKeysShardingValue<Comparable<?>> value) {
        List<String> ordered = shards.stream().sorted(Comparator.comparingInt(MerchantShardingAlgorithm::number))
                .toList();
        Map<String, Collection<Comparable<?>>> values = value.getColumnNameAndShardingValuesMap();
        Set<String> chosen = new LinkedHashSet<>();
        Collection<Comparable<?>> merchants = MERCHANT_COLUMNS.stream().map(c -> column(values, c))
                .filter(v -> v != null && !v.isEmpty()).findFirst().orElse(null);
        if (merchants != null) {
            for (Comparable<?> merchant : merchants) {
                if (merchant == null) {
                    return ordered;
                }
                chosen.add(ordered.get(MerchantSlots.of(merchant.toString()) % ordered.size()));
            }
            return chosen;
        }
        // the columns of one condition hold together (AND): the row is on a shard every one of them allows
        Set<String> allowed = new LinkedHashSet<>(ordered);
        values.values().forEach(ids -> allowed.retainAll(shardsOf(ids, ordered)));
        return allowed.isEmpty() ? ordered : allowed;
    }

    /** The shards the ids lead to; every shard when one of them carries no slot. */
    private static Set<String> shardsOf(Collection<Comparable<?>> ids, List<String> ordered) {
        Set<String> shards = new LinkedHashSet<>();
        for (Comparable<?> id : ids) {
            // null: a condition "IS NULL", which any shard may hold
            OptionalInt slot = id == null ? OptionalInt.empty() : MerchantSlots.ofId(id.toString());
            if (slot.isEmpty()) {
                return new LinkedHashSet<>(ordered);
            }
            shards.add(ordered.get(slot.getAsInt() % ordered.size()));
        }
        return shards;
    }

    /** Column names as the statement spelt them: compared without case, as MySQL does. */
    private static Collection<Comparable<?>> column(Map<String, Collection<Comparable<?>>> values, String name) {
        return values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** {@code ds_0}, {@code ds_1}, ... in the order of their numbers (so {@code ds_10} comes after {@code ds_9}). */
    private static int number(String shard) {
        return Integer.parseInt(shard.substring(shard.lastIndexOf('_') + 1));
    }
}
