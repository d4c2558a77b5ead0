package com.aggpay.order.web;

import java.util.Map;

/** Extra members of a problem document beyond code, param and detail (e.g. {@code remaining} of the daily cap). */
public record ProblemMembers(Map<String, Object> members) {
}
