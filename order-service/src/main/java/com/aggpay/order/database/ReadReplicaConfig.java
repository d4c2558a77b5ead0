package com.aggpay.order.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Where a read replica is configured: two pools, each with the settings of {@code spring.datasource.hikari}, behind
 * one routing DataSource that every repository, JdbcTemplate and Flyway use (Flyway and writes reach the primary:
 * they run outside {@link ReplicaReads#call}). Without a replica Boot's single DataSource stays exactly as it was.
 * Not in the sharding profile: there each shard would have its own replica (docs/database-scaling.md).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadReplicaConfig.ReplicaConfigured.class)
@Profile("!sharding")
class ReadReplicaConfig {

    @Bean(defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource primaryDataSource(DataSourceProperties primary) {
        HikariDataSource pool = primary.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("primary");
        return pool;
    }

    @Bean(defaultCandidate = false)
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource replicaDataSource(ReadReplicaProperties replica) {
        HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class).url(replica.url())
                .username(replica.username()).password(replica.password()).build();
        pool.setPoolName("replica");
        return pool;
    }

    @Bean
    @Primary
    DataSource dataSource(@Qualifier("primaryDataSource") DataSource primary,
                          @Qualifier("replicaDataSource") DataSource replica, MeterRegistry meters) {
        return new ReadRoutingDataSource(primary, replica, meters);
    }

    /** {@code aggpay.order.read-replica.url} set and not blank (the environment variable may be set empty). */
    static class ReplicaConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("aggpay.order.read-replica.url"));
        }
    }
}
