package com.aggpay.order.sharding;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code sharding} profile's databases: {@code shards} in order (shard {@code i} is ShardingSphere's
 * {@code ds_i}), and the rules that place the tables on them. Unused without the profile.
 *
 * @param rules ShardingSphere's YAML rules (a Spring resource location)
 */
@ConfigurationProperties("aggpay.order.sharding")
public record ShardingProperties(String rules, List<Shard> shards) {

    public record Shard(String url, String username, String password) {
    }
}
