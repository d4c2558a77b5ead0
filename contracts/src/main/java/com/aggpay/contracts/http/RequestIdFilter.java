package com.aggpay.contracts.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Puts the gateway's request id (or a new one) into the log context under {@link AggpayHeaders#MDC_REQUEST_ID}
 * and echoes it on the answer. Servlet services register it as a bean of highest precedence.
 */
public class RequestIdFilter implements Filter {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String id = ((HttpServletRequest) req).getHeader(AggpayHeaders.REQUEST_ID);
        if (id == null || !WELL_FORMED.matcher(id).matches()) {
            id = newId();
        }
        MDC.put(AggpayHeaders.MDC_REQUEST_ID, id);
        ((HttpServletResponse) res).setHeader(AggpayHeaders.REQUEST_ID, id);
        try {
            chain.doFilter(req, res);
        } finally {
            MDC.remove(AggpayHeaders.MDC_REQUEST_ID);
        }
    }

    /** {@code req_} + 24 random hex digits, the same form the gateway assigns. */
    public static String newId() {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "req_" + HexFormat.of().formatHex(random);
    }
}
