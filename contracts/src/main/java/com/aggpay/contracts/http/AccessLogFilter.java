package com.aggpay.contracts.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request once it is answered: method, path (never the query), status and duration. It runs inside the
 * request's server observation, so the line carries the request's trace and span ids next to its request id: each
 * service's end of a trace is visible in its log, the gateway's included (it writes the same line). The probes that
 * kubelets and start scripts poll are left out. Logger {@code aggpay.access}: set it to WARN to silence the lines.
 */
public class AccessLogFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger("aggpay.access");
    private static final Set<String> PROBES = Set.of("/livez", "/readyz");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (PROBES.contains(request.getRequestURI()) || !log.isInfoEnabled()) {
            chain.doFilter(req, res);
            return;
        }
        long started = System.nanoTime();
        boolean answered = false;
        try {
            chain.doFilter(req, res);
            answered = true;
        } finally {
            // an exception that escaped every handler gets its status from the container, after this filter
            String status = answered ? String.valueOf(((HttpServletResponse) res).getStatus()) : "error";
            log.info("event=HTTP_REQUEST method={} path={} status={} duration_ms={}", request.getMethod(),
                    request.getRequestURI(), status, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
