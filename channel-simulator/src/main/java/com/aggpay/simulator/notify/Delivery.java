package com.aggpay.simulator.notify;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One asynchronous notification to deliver.
 *
 * @param headers  fresh headers for each attempt (WeChat signs a new timestamp and nonce every time)
 * @param accepted whether the receiver's answer (status, body) means "received, stop retrying"
 */
public record Delivery(String description, String url, String contentType, byte[] body,
                       Supplier<Map<String, String>> headers, Predicate<Answer> accepted) {

    public record Answer(int status, String body) {
    }
}
