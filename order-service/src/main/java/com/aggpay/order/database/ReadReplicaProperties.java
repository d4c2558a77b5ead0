package com.aggpay.order.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read replica of order-service's schema ({@code AGGPAY_DB_REPLICA_URL}, {@code AGGPAY_DB_REPLICA_USER},
 * {@code AGGPAY_DB_REPLICA_PASSWORD}). Without a URL every read goes to the primary.
 */
@ConfigurationProperties("aggpay.order.read-replica")
public record ReadReplicaProperties(String url, String username, String password) {
}
