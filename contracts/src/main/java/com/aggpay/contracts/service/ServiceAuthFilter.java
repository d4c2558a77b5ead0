package com.aggpay.contracts.service;

import com.aggpay.contracts.http.AggpayHeaders;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.util.AntPathMatcher;

/**
 * The receiving side of service-to-service trust, in front of everything a servlet service serves on its port:
 * <ol>
 *   <li>the call carries a valid service token meant for this service ({@link ServiceTokens}), else 401
 *       {@code SERVICE_UNAUTHENTICATED};</li>
 *   <li>the first rule whose path pattern matches names the calling service, else 403 {@code SERVICE_FORBIDDEN}
 *       (no rule matching is a refusal too: deny by default);</li>
 *   <li>identity headers ({@code X-Aggpay-App-Id}, {@code X-Aggpay-Mch-No}, {@code X-Aggpay-Operator},
 *       {@code X-Aggpay-Client-Ip}) come only from the gateway, which strips them from the outside world and sets them
 *       after it authenticated the merchant or operator; from any other caller they are refused (403);</li>
 *   <li>operator paths ({@code /api/admin/**} unless configured otherwise, less the exempt ones such as the login)
 *       need {@code X-Aggpay-Operator} in the form the gateway gives it after verifying an operator token, else 401
 *       {@code OPERATOR_UNAUTHENTICATED}, before any handler runs, endpoints added later included.</li>
 * </ol>
 * Paths listed as open (the probes) pass without a token. Every refusal is a security event.
 */
public class ServiceAuthFilter implements Filter {

    public static final String GATEWAY = "gateway-service";
    /** Request attribute holding the verified calling service, for handlers that answer callers differently. */
    public static final String CALLER_ATTRIBUTE = "aggpay.service.caller";
    private static final Logger SECURITY = LoggerFactory.getLogger("aggpay.security");
    private static final List<String> IDENTITY_HEADERS = List.of(AggpayHeaders.APP_ID, AggpayHeaders.MCH_NO,
            AggpayHeaders.OPERATOR, AggpayHeaders.CLIENT_IP);

    /** The shape the gateway accepts in an operator token's subject; anything else did not come from it. */
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    /** A path pattern (Ant style, e.g. {@code /internal/**}) and the services allowed to call it. */
    public record Rule(String path, List<String> callers) {
    }

    /** Paths that need an operator ({@code X-Aggpay-Operator}), less the exempt ones (e.g. the login). */
    public record OperatorPaths(List<String> paths, List<String> exempt) {

        public OperatorPaths {
            paths = List.copyOf(paths);
            exempt = List.copyOf(exempt);
        }
    }

    private final ServiceTokens tokens;
    private final List<Rule> rules;
    private final List<String> openPaths;
    private final OperatorPaths operatorPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public ServiceAuthFilter(ServiceTokens tokens, List<Rule> rules, List<String> openPaths,
                             OperatorPaths operatorPaths) {
        this.tokens = tokens;
        this.rules = List.copyOf(rules);
        this.openPaths = List.copyOf(openPaths);
        this.operatorPaths = operatorPaths;
    }

    /** The operator the gateway vouched for on this request; the filter has already refused calls without one. */
    public static String operator(HttpServletRequest request) {
        String operator = request.getHeader(AggpayHeaders.OPERATOR);
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw new IllegalStateException("no operator on " + request.getRequestURI() + ": not an operator path?");
        }
        return operator;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        // Decoded and normalised by the container, so "/api/../internal/x" or "%2e%2e" cannot dodge the rules.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (openPaths.stream().anyMatch(open -> matcher.match(open, path))) {
            chain.doFilter(req, res);
            return;
        }
        Optional<String> caller = tokens.callerOf(request.getHeader(ServiceTokens.HEADER));
        if (caller.isEmpty()) {
            boolean present = request.getHeader(ServiceTokens.HEADER) != null;
            refuse(response, 401, "SERVICE_UNAUTHENTICATED", request,
                    present ? "SERVICE_TOKEN_INVALID" : "SERVICE_TOKEN_MISSING", "-");
            return;
        }
        String who = caller.get();
        Rule rule = rules.stream().filter(r -> matcher.match(r.path(), path)).findFirst().orElse(null);
        if (rule == null || !rule.callers().contains(who)) {
            refuse(response, 403, "SERVICE_FORBIDDEN", request, "SERVICE_CALL_NOT_ALLOWED", who);
            return;
        }
        if (!GATEWAY.equals(who)) {
            for (String header : IDENTITY_HEADERS) {
                if (request.getHeader(header) != null) {
                    refuse(response, 403, "SERVICE_FORBIDDEN", request, "IDENTITY_HEADER_FROM_NON_GATEWAY", who);
                    return;
                }
            }
        }
        request.setAttribute(CALLER_ATTRIBUTE, who);
        if (needsOperator(path)) {
            String operator = request.getHeader(AggpayHeaders.OPERATOR);
            if (operator == null || !OPERATOR.matcher(operator).matches()) {
                refuse(response, 401, "OPERATOR_UNAUTHENTICATED", request, "OPERATOR_HEADER_MISSING", who);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private boolean needsOperator(String path) {
        return operatorPaths.paths().stream().anyMatch(p -> matcher.match(p, path))
                && operatorPaths.exempt().stream().noneMatch(p -> matcher.match(p, path));
    }

    private static void refuse(HttpServletResponse response, int status, String code, HttpServletRequest request,
                               String event, String caller) throws IOException {
        SECURITY.warn("event={} caller={} method={} path={} peer={}", event, caller, request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr());
        String requestId = MDC.get(AggpayHeaders.MDC_REQUEST_ID);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + status + ",\"code\":\"" + code + "\""
                + (requestId == null ? "" : ",\"request_id\":\"" + requestId + "\"") + "}";
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
