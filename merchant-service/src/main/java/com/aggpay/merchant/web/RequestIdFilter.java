package com.aggpay.merchant.web;

import com.aggpay.contracts.http.AggpayHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's {@code X-Request-Id} (set by the gateway) into the log context and echoes it, so one id
 * follows a request through every service. A missing or odd-looking id is replaced: it ends up in logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(AggpayHeaders.REQUEST_ID);
        String requestId = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newRequestId();
        MDC.put(AggpayHeaders.MDC_REQUEST_ID, requestId);
        response.setHeader(AggpayHeaders.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(AggpayHeaders.MDC_REQUEST_ID);
        }
    }

    static String newRequestId() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "req_" + HexFormat.of().formatHex(random);
    }
}
