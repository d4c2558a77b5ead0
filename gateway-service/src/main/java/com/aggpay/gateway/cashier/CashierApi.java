package com.aggpay.gateway.cashier;

import com.aggpay.gateway.web.ClientAddresses;
import com.aggpay.gateway.web.RequestIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cashier pages' JSON API (API.md, "The aggregated cashier"). Every order call needs the payer's sealed session
 * cookie for the store or order it names; the payer it carries is passed to order-service, which alone decides about
 * orders, the daily cap included, and whose answers (problem documents too) are passed on as they are.
 */
@RestController
@RequestMapping("/api/cashier")
class CashierApi {

    private static final Logger log = LoggerFactory.getLogger(CashierApi.class);
    private static final Pattern STORE_CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern PAY_ORDER_ID = Pattern.compile("po_[0-9a-f]{24}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CashierBackends backends;
    private final CashierSeal seal;

    CashierApi(CashierBackends backends, CashierSeal seal) {
        this.backends = backends;
        this.seal = seal;
    }

    @GetMapping("/stores/{store_code}")
    Mono<ResponseEntity<Object>> store(@PathVariable("store_code") String storeCode, ServerWebExchange exchange) {
        if (!STORE_CODE.matcher(storeCode).matches()) {
            return Mono.just(problem(HttpStatus.NOT_FOUND, "STORE_NOT_FOUND", "No store takes payments with this code.",
                    exchange));
        }
        return backends.store(storeCode).map(found -> {
            if (found.isEmpty() || !found.get().accepting()) {
                return problem(HttpStatus.NOT_FOUND, "STORE_NOT_FOUND", "No store takes payments with this code.",
                        exchange);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("store_code", found.get().storeCode());
            body.put("store_name", found.get().name());
            body.put("merchant_name", found.get().companyName());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body((Object) body);
        }).onErrorResume(e -> unavailable(e, exchange));
    }

    @PostMapping("/orders")
    Mono<ResponseEntity<Object>> payAtStore(ServerWebExchange exchange) {
        return exchange.getRequest().getBody().collectList().flatMap(buffers -> {
            JsonNode request;
            try {
                request = JSON.readTree(join(buffers));
            } catch (JacksonException e) {
                return Mono.just(problem(HttpStatus.BAD_REQUEST, "BODY_MALFORMED", "The body must be a JSON object.",
                        exchange));
            }
            String storeCode = request.path("store_code").isString() ? request.path("store_code").asString() : "";
            JsonNode amount = request.path("amount");
            if (!STORE_CODE.matcher(storeCode).matches()) {
                return Mono.just(problem(HttpStatus.BAD_REQUEST, "PARAM_INVALID", "store_code is required.", exchange));
            }
            if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
                return Mono.just(problem(HttpStatus.BAD_REQUEST, "PARAM_INVALID",
                        "amount must be a JSON integer number of fen.", exchange));
            }
            Optional<PayerSession> payer = session(exchange, PayerSession.storeScope(storeCode));
            if (payer.isEmpty()) {
                return Mono.just(authRequired(exchange));
            }
            return backends.store(storeCode).flatMap(found -> {
                if (found.isEmpty() || !found.get().accepting()) {
                    return Mono.just(problem(HttpStatus.NOT_FOUND, "STORE_NOT_FOUND",
                            "No store takes payments with this code.", exchange));
                }
                StoreInfo store = found.get();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("app_id", store.appId());
                body.put("mch_no", store.mchNo());
                body.put("store_code", store.storeCode());
                body.put("store_name", store.name());
                body.put("amount", amount.asLong());
                body.put("request_id", request.path("request_id").isString() ? request.path("request_id").asString()
                        : null);
                body.put("payer", payer.get().asPayer());
                body.put("client_ip", clientIp(exchange));
                return backends.postOrder("/internal/cashier/orders", body).map(CashierApi::passOn);
            });
        }).onErrorResume(e -> unavailable(e, exchange));
    }

    @GetMapping("/orders/{pay_order_id}")
    Mono<ResponseEntity<Object>> order(@PathVariable("pay_order_id") String payOrderId, ServerWebExchange exchange) {
        if (!PAY_ORDER_ID.matcher(payOrderId).matches()) {
            return Mono.just(problem(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "No such order.", exchange));
        }
        Optional<PayerSession> payer = session(exchange, null)
                .filter(s -> s.scope().startsWith("store:") || s.scope().equals(PayerSession.orderScope(payOrderId)));
        if (payer.isEmpty()) {
            return Mono.just(authRequired(exchange));
        }
        return backends.getOrder(payOrderId, payer.get()).map(answer -> {
            if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null) {
                return passOn(answer);
            }
            // the payer's page needs no merchant number
            ObjectNode view = (ObjectNode) JSON.readTree(answer.getBody());
            view.remove("mch_no");
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                    .body((Object) view);
        }).onErrorResume(e -> unavailable(e, exchange));
    }

    @PostMapping("/orders/{pay_order_id}/pay")
    Mono<ResponseEntity<Object>> payLink(@PathVariable("pay_order_id") String payOrderId, ServerWebExchange exchange) {
        Optional<PayerSession> payer = PAY_ORDER_ID.matcher(payOrderId).matches()
                ? session(exchange, PayerSession.orderScope(payOrderId)) : Optional.empty();
        if (payer.isEmpty()) {
            return Mono.just(authRequired(exchange));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payer", payer.get().asPayer());
        body.put("client_ip", clientIp(exchange));
        return backends.postOrder("/internal/cashier/orders/" + payOrderId + "/pay", body).map(CashierApi::passOn)
                .onErrorResume(e -> unavailable(e, exchange));
    }

    /** The payer's session from its cookie: for this scope, or any scope when {@code scope} is null. */
    private Optional<PayerSession> session(ServerWebExchange exchange, String scope) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(CashierLanding.PAYER_COOKIE);
        return seal.open(CashierLanding.SESSION, cookie == null ? null : cookie.getValue())
                .flatMap(PayerSession::of)
                .filter(s -> scope == null || s.scope().equals(scope));
    }

    private static ResponseEntity<Object> passOn(ResponseEntity<byte[]> answer) {
        MediaType type = answer.getHeaders().getContentType();
        return ResponseEntity.status(answer.getStatusCode()).cacheControl(CacheControl.noStore())
                .contentType(type == null ? MediaType.APPLICATION_JSON : type)
                .body(answer.getBody() == null ? new byte[0] : (Object) answer.getBody());
    }

    private static ResponseEntity<Object> authRequired(ServerWebExchange exchange) {
        return problem(HttpStatus.UNAUTHORIZED, "PAYER_AUTH_REQUIRED", "Open the store's code or the payment link "
                + "in your wallet again: it confirms who is paying.", exchange);
    }

    private static Mono<ResponseEntity<Object>> unavailable(Throwable e, ServerWebExchange exchange) {
        log.warn("cashier call failed: {}", e.toString());
        return Mono.just(problem(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "Payments are unavailable for a moment; try again.", exchange));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String code, String detail,
                                                  ServerWebExchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:aggpay:problem:" + code.toLowerCase().replace('_', '-'));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code);
        body.put("request_id", RequestIds.of(exchange));
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String clientIp(ServerWebExchange exchange) {
        String client = ClientAddresses.of(exchange);
        return "-".equals(client) ? null : client;
    }

    private static byte[] join(java.util.List<org.springframework.core.io.buffer.DataBuffer> buffers) {
        int size = buffers.stream().mapToInt(org.springframework.core.io.buffer.DataBuffer::readableByteCount).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (org.springframework.core.io.buffer.DataBuffer b : buffers) {
            int n = b.readableByteCount();
            b.read(all, at, n);
            at += n;
            org.springframework.core.io.buffer.DataBufferUtils.release(b);
        }
        return all;
    }
}
