package com.aggpay.gateway.cashier;

import com.aggpay.gateway.auth.SecurityEvents;
import com.aggpay.gateway.web.RequestIds;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a payer's phone lands (API.md, "The aggregated cashier"): a store's static code {@code /qr/{store_code}} or a
 * QR_CASHIER order's link {@code /cashier/pay/{pay_order_id}}. The User-Agent says which wallet scanned; the payer is
 * sent through that wallet's silent authorisation (on a channel of the merchant that can take the wallet's
 * payments) and comes back to {@code /cashier/oauth/return}, which learns the payer's id on the server and keeps it
 * in a sealed HttpOnly cookie before handing over to the cashier pages.
 *
 * <p>The authorisation in flight is a second sealed cookie holding a random nonce, which goes to the wallet as the
 * OAuth {@code state}: a return whose state is not this browser's nonce is refused (login CSRF).
 */
@RestController
class CashierLanding {

    static final String PAYER_COOKIE = "AGGPAY_PAYER";
    static final String AUTH_COOKIE = "AGGPAY_CASHIER_AUTH";
    static final String SESSION = "payer-session";
    private static final String AUTH = "payer-authorisation";
    private static final String RETURN_PATH = "/cashier/oauth/return";
    private static final Pattern STORE_CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");
    private static final Pattern PAY_ORDER_ID = Pattern.compile("po_[0-9a-f]{24}");
    private static final Pattern CODE = Pattern.compile("[\\x21-\\x7E]{1,512}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(CashierLanding.class);
    private static final Resource PAGES_CSS = new ClassPathResource("static/cashier-pages/pages.css");

    private final CashierBackends backends;
    private final CashierSeal seal;
    private final CashierProperties properties;

    CashierLanding(CashierBackends backends, CashierSeal seal, CashierProperties properties) {
        this.backends = backends;
        this.seal = seal;
        this.properties = properties;
    }

    @GetMapping("/qr/{store_code}")
    Mono<ResponseEntity<String>> store(@PathVariable("store_code") String storeCode,
                                       @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String ua) {
        if (!STORE_CODE.matcher(storeCode).matches()) {
            return Mono.just(CashierPages.unknownCode());
        }
        return backends.store(storeCode).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(CashierPages.unknownCode());
            }
            StoreInfo store = found.get();
            if (!store.accepting()) {
                return Mono.just(CashierPages.disabledCode(store.name()));
            }
            Optional<Wallet> wallet = Wallet.ofUserAgent(ua);
            if (wallet.isEmpty()) {
                return Mono.just(CashierPages.scanWithWallet(store.name(), null));
            }
            return authorise(store.mchNo(), wallet.get(), PayerSession.storeScope(storeCode));
        }).onErrorResume(e -> unavailable("store " + storeCode, e));
    }

    @GetMapping("/cashier/pay/{pay_order_id}")
    Mono<ResponseEntity<String>> link(@PathVariable("pay_order_id") String payOrderId,
                                      @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String ua) {
        if (!PAY_ORDER_ID.matcher(payOrderId).matches()) {
            return Mono.just(CashierPages.unknownOrder());
        }
        return backends.link(payOrderId).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(CashierPages.unknownOrder());
            }
            CashierBackends.LinkInfo order = found.get();
            if (!"PAYING".equals(order.state())) {
                return Mono.just(CashierPages.orderEnded(order.state(), order.amount()));
            }
            Optional<Wallet> wallet = Wallet.ofUserAgent(ua);
            if (wallet.isEmpty()) {
                return Mono.just(CashierPages.scanWithWallet(order.subject(), order.amount()));
            }
            return authorise(order.mchNo(), wallet.get(), PayerSession.orderScope(payOrderId));
        }).onErrorResume(e -> unavailable("link " + payOrderId, e));
    }

    @GetMapping(RETURN_PATH)
    Mono<ResponseEntity<String>> authorised(ServerWebExchange exchange,
            @RequestParam(required = false) String state, @RequestParam(required = false) String code,
            @RequestParam(name = "auth_code", required = false) String authCode,
            @RequestParam(required = false) String userAuthCode, @RequestParam(required = false) String respCode,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String ua) {
        var cookie = exchange.getRequest().getCookies().getFirst(AUTH_COOKIE);
        Optional<Map<String, String>> flight = seal.open(AUTH, cookie == null ? null : cookie.getValue());
        if (flight.isEmpty()) {
            // no authorisation of this browser in flight (expired, another browser, or forged): start again
            return Mono.just(CashierPages.authorisationFailed(null));
        }
        Map<String, String> auth = flight.get();
        String scope = auth.get("scope");
        String retry = retryPath(scope);
        if (state == null || !state.equals(auth.get("nonce"))) {
            SecurityEvents.payerRejected(exchange, RequestIds.of(exchange), "STATE_MISMATCH");
            return Mono.just(CashierPages.authorisationFailed(retry));
        }
        Wallet wallet = Wallet.valueOf(auth.get("wallet"));
        String given = switch (wallet) {
            case WECHAT -> code;
            case ALIPAY -> authCode;
            case UNIONPAY -> "00".equals(respCode) ? userAuthCode : null;
        };
        if (given == null || !CODE.matcher(given).matches()) {
            // the payer declined, or the wallet answered without a code
            return Mono.just(CashierPages.authorisationFailed(retry));
        }
        return backends.exchange(auth.get("channel"), wallet, given, ua).map(exchanged -> {
            if (exchanged.isEmpty()) {
                SecurityEvents.payerRejected(exchange, RequestIds.of(exchange), "CODE_REFUSED");
                return CashierPages.authorisationFailed(retry);
            }
            CashierBackends.Exchanged payer = exchanged.get();
            PayerSession session = new PayerSession(wallet, payer.payerId(), payer.idKind(), payer.appId(), scope);
            String sealed = seal.seal(SESSION, session.claims(), properties.sessionTtl());
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(pagePath(scope)))
                    .cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.SET_COOKIE, cookie(PAYER_COOKIE, sealed, "/", properties.sessionTtl()
                            .toSeconds()).toString())
                    .header(HttpHeaders.SET_COOKIE, cookie(AUTH_COOKIE, "", RETURN_PATH, 0).toString())
                    .<String>build();
        }).onErrorResume(e -> {
            log.warn("payer authorisation could not be checked: {}", e.toString());
            return Mono.just(CashierPages.authorisationFailed(retry));
        });
    }

    /** The stylesheet of the pages above (they carry no inline style: the pages' CSP allows none). */
    @GetMapping("/cashier/static/pages.css")
    ResponseEntity<Resource> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(PAGES_CSS);
    }

    private Mono<ResponseEntity<String>> authorise(String mchNo, Wallet wallet, String scope) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return backends.authorize(mchNo, wallet, properties.base() + RETURN_PATH, state).map(found -> {
            if (found.isEmpty()) {
                return CashierPages.noWalletChannel();
            }
            String flight = seal.seal(AUTH, Map.of("nonce", state, "scope", scope, "wallet", wallet.name(),
                    "channel", found.get().channel()), properties.authTtl());
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(found.get().authorizeUrl()))
                    .cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.SET_COOKIE, cookie(AUTH_COOKIE, flight, RETURN_PATH,
                            properties.authTtl().toSeconds()).toString())
                    .<String>build();
        });
    }

    private ResponseCookie cookie(String name, String value, String path, long maxAgeSeconds) {
        // Lax: the wallet's redirect back is a top-level GET navigation, which Lax lets the cookie ride on
        return ResponseCookie.from(name, value).path(path).maxAge(maxAgeSeconds).httpOnly(true)
                .secure(properties.secureCookies()).sameSite("Lax").build();
    }

    private static Mono<ResponseEntity<String>> unavailable(String what, Throwable e) {
        log.warn("cashier landing for {} failed: {}", what, e.toString());
        return Mono.just(CashierPages.unavailable());
    }

    /** The cashier page a scope continues on. */
    static String pagePath(String scope) {
        return scope.startsWith("store:") ? "/cashier/store/" + scope.substring(6) : "/cashier/order/" + scope.substring(6);
    }

    /** Where the payer starts again: the code they scanned or the link they opened. */
    static String retryPath(String scope) {
        if (scope == null) {
            return null;
        }
        return scope.startsWith("store:") ? "/qr/" + scope.substring(6) : "/cashier/pay/" + scope.substring(6);
    }
}
