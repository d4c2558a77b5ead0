package com.aggpay.order.sharding;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@code sharding} profile: order-service on several schemas (one per shard) behind ShardingSphere-JDBC, which
 * routes each statement by the rules of {@code sharding/order-shards.yaml}. Each shard's schema is migrated by
 * Flyway directly, before ShardingSphere starts: Flyway's own statements are not for a sharding engine to rewrite,
 * and ShardingSphere reads the tables it finds when it starts. See docs/database-scaling.md.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sharding")
class ShardedDataSourceConfig {

    @Bean
    DataSource dataSource(ShardingProperties sharding, Environment environment, ResourceLoader resources)
            throws SQLException, IOException {
        List<ShardingProperties.Shard> shards = sharding.shards();
        if (shards == null || shards.isEmpty() || sharding.rules() == null) {
            throw new IllegalStateException("the sharding profile needs aggpay.order.sharding.rules and .shards");
        }
        String[] migrations = environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"});
        Map<String, DataSource> byName = new LinkedHashMap<>();
        for (int i = 0; i < shards.size(); i++) {
            ShardingProperties.Shard shard = shards.get(i);
            Flyway.configure().dataSource(shard.url(), shard.username(), shard.password()).locations(migrations)
                    .load().migrate();
            byName.put("ds_" + i, pool("shard-" + i, shard, environment));
        }
        byte[] rules = resources.getResource(sharding.rules()).getContentAsByteArray();
        return YamlShardingSphereDataSourceFactory.createDataSource(byName, rules);
    }

    /** A pool per shard with the settings of {@code spring.datasource.hikari}, as the single database has them. */
    private static HikariDataSource pool(String name, ShardingProperties.Shard shard, Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName(name);
        pool.setJdbcUrl(shard.url());
        pool.setUsername(shard.username());
        pool.setPassword(shard.password());
        return pool;
    }
}
