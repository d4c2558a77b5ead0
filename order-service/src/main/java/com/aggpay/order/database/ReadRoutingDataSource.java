package com.aggpay.order.database;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * The primary, or the read replica inside {@link ReplicaReads#call}. Counts the connections handed out per target
 * as {@code aggpay_order_db_connections_total{target="primary"|"replica"}}, so a dashboard shows which share of the
 * load the replica takes.
 */
class ReadRoutingDataSource extends AbstractRoutingDataSource {

    static final String PRIMARY = "primary";
    static final String REPLICA = "replica";

    private final Counter primaryConnections;
    private final Counter replicaConnections;

    ReadRoutingDataSource(DataSource primary, DataSource replica, MeterRegistry meters) {
        setTargetDataSources(Map.of(PRIMARY, primary, REPLICA, replica));
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        primaryConnections = counter(meters, PRIMARY);
        replicaConnections = counter(meters, REPLICA);
        afterPropertiesSet();
    }

    @Override
    protected Object determineCurrentLookupKey() {
        boolean replica = ReplicaReads.active();
        (replica ? replicaConnections : primaryConnections).increment();
        return replica ? REPLICA : PRIMARY;
    }

    private static Counter counter(MeterRegistry meters, String target) {
        return Counter.builder("aggpay_order_db_connections_total").tag("target", target)
                .description("connections handed out, by the database they lead to").register(meters);
    }
}
