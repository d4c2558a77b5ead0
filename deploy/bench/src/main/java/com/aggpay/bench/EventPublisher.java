package com.aggpay.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Builds a backlog for notify-service without the payment path's ceiling: payment events written straight onto
 * {@code <prefix>.payment-events} as order-service's outbox relay writes them ({@link PaymentEventFormat}, key =
 * mch_no). Only ever talks to the broker it is given, with the platform's SASL login.
 */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String mchNo;
    private final PaymentEventFormat format;

    EventPublisher(String bootstrap, String username, String password, String topicPrefix, String mchNo,
                   String appId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "PLAIN");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + username + "\" password=\"" + password + "\";");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "aggpay-bench");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.topic = topicPrefix + ".payment-events";
        this.mchNo = mchNo;
        this.format = new PaymentEventFormat(mchNo, appId);
    }

    /** The common start of the event ids {@link #publish} gives a batch with this tag. */
    static String eventPrefix(String tag) {
        return "evt_" + tag;
    }

    /**
     * Publishes {@code count} payment.succeeded events of orders {@code po_<tag><n>} with event ids
     * {@code evt_<tag><n>}, their notify URLs taking turns over {@code notifyUrls}, and returns once the broker has
     * acknowledged every one.
     *
     * @param tag letters and digits, unique to the batch
     * @return how long publishing took
     * @throws IOException if any send failed
     */
    Duration publish(String tag, int count, List<String> notifyUrls) throws IOException {
        long start = System.nanoTime();
        LongAdder failed = new LongAdder();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        for (int n = 0; n < count; n++) {
            String json = format.json(eventPrefix(tag) + n, notifyUrls.get(n % notifyUrls.size()), "po_" + tag + n,
                    "W" + tag + "N" + n, OffsetDateTime.now(ZoneOffset.UTC));
            producer.send(new ProducerRecord<>(topic, mchNo, json), (meta, error) -> {
                if (error != null) {
                    failed.increment();
                    firstError.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failed.sum() > 0) {
            throw new IOException(failed.sum() + " of " + count + " events were not published to " + topic,
                    firstError.get());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
