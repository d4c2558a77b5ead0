package com.aggpay.order.cashier;

import com.aggpay.order.OrderProperties;
import com.aggpay.order.payorder.CreatePayOrder;
import com.aggpay.order.payorder.CreateResult;
import com.aggpay.order.payorder.PayOrder;
import com.aggpay.order.payorder.PayOrderViews;
import com.aggpay.order.payorder.PayOrders;
import com.aggpay.order.payorder.domain.CreatePayOrderRequest;
import com.aggpay.order.payorder.domain.OrderState;
import com.aggpay.order.payorder.domain.PayOrderRules;
import com.aggpay.order.web.ApiException;
import com.aggpay.order.web.Caller;
import com.aggpay.order.web.ErrorCode;
import com.aggpay.order.web.ProblemMembers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cashier's orders (API.md, "The aggregated cashier"). A store's static code: the payer's amount becomes an
 * order of the store's merchant and app through the normal create path (idempotent, routed, announced), reserved
 * against the payer's daily static-code cap in the same transaction. A QR_CASHIER order: the first payer's wallet
 * takes it and its trade is opened for that wallet; nobody else can pay it after that.
 */
@Service
public class CashierOrders {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final Pattern STORE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CreatePayOrder createPayOrder;
    private final PayOrders orders;
    private final CashierPayments payments;
    private final StaticQrCap cap;
    private final PayOrderViews views;
    private final CashierProperties properties;
    private final OrderProperties orderProperties;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CashierOrders(CreatePayOrder createPayOrder, PayOrders orders, CashierPayments payments, StaticQrCap cap,
                         PayOrderViews views, CashierProperties properties, OrderProperties orderProperties,
                         TransactionTemplate tx, Clock clock) {
        this.createPayOrder = createPayOrder;
        this.orders = orders;
        this.payments = payments;
        this.cap = cap;
        this.views = views;
        this.properties = properties;
        this.orderProperties = orderProperties;
        this.tx = tx;
        this.clock = clock;
    }

    /** A payment at a store's static code; the same request id again answers the same order. */
    public CashierAnswer payAtStore(StaticOrderRequest r) {
        checkPayer(r.payer());
        if (r.appId() == null || r.mchNo() == null || r.storeCode() == null || !STORE_CODE.matcher(r.storeCode()).matches()
                || r.storeName() == null || r.storeName().isBlank()) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "store_code", "The store's app, merchant, code and name are required.");
        }
        if (r.requestId() == null || !REQUEST_ID.matcher(r.requestId()).matches()) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "request_id", "request_id must be 8-64 letters, digits or '-'.");
        }
        if (r.amount() == null || r.amount() < 1 || r.amount() > PayOrderRules.MAX_AMOUNT) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "amount", "amount must be an integer number of fen from 1 to "
                    + PayOrderRules.MAX_AMOUNT + ".");
        }
        String subject = r.storeName().length() > 128 ? r.storeName().substring(0, 128) : r.storeName();
        CreatePayOrderRequest order = new CreatePayOrderRequest(mchOrderNo(r), r.amount(), "CNY", r.payer().payWay(),
                subject, null, null, properties.staticExpireSeconds(), r.clientIp(), r.payer().channelExtra(),
                Map.of("store_code", r.storeCode()));
        CashierPayment payment = new CashierPayment();
        payment.setPayerKey(r.payer().key());
        payment.setStaticCode(true);
        payment.setStoreCode(r.storeCode());
        payment.setStoreName(subject);
        payment.setPayDay(cap.today());
        payment.setAmount(r.amount());
        CreateResult result;
        try {
            result = createPayOrder.create(new Caller(r.appId(), r.mchNo()), order, inserted -> {
                payment.setPayOrderId(inserted.getPayOrderId());
                payment.setCreatedAt(inserted.getCreatedAt());
                cap.reserve(payment);
            });
        } catch (StaticQrCapExceeded e) {
            throw new ApiException(ErrorCode.STATIC_QR_DAILY_CAP, "amount", "Static-code payments are limited to "
                    + properties.staticDailyCap() + " fen per payer per day (PBOC 银发〔2017〕296号); "
                    + e.remaining() + " fen are left today.", new ProblemMembers(Map.of("remaining", e.remaining(),
                    "daily_cap", properties.staticDailyCap())));
        }
        return answer(result);
    }

    /** The payer's wallet takes a QR_CASHIER order (or, for its own payer again, gets the same pay data). */
    public CashierAnswer payLink(String payOrderId, CashierPayRequest r) {
        checkPayer(r.payer());
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || !order.isCashierLink()) {
            throw notFound();
        }
        CashierPayment taken = payments.selectById(payOrderId);
        if (taken != null && !taken.getPayerKey().equals(r.payer().key())) {
            throw notPayable("Another payer is paying this order.");
        }
        if (order.getState() != OrderState.PAYING) {
            throw notPayable("The order is " + order.getState() + ".");
        }
        if (taken == null) {
            return answer(takeLink(order, r));
        }
        if (order.hasTrade()) {
            return answerFor(order);
        }
        return answer(createPayOrder.repeatWithoutTrade(order));
    }

    /** An order of the cashier as its payer may see it: a static-code order only by its own payer. */
    public CashierOrderView find(String payOrderId, Payer payer) {
        checkPayer(payer);
        PayOrder order = orders.selectById(payOrderId);
        CashierPayment payment = order == null ? null : payments.selectById(payOrderId);
        boolean visible = order != null && (order.isCashierLink()
                || (payment != null && payment.getPayerKey().equals(payer.key())));
        if (!visible) {
            throw notFound();
        }
        return view(order, payment);
    }

    /** A QR_CASHIER order before any payer is known: what the link shows and whose channels authorise its payer. */
    public CashierOrderView findLink(String payOrderId) {
        PayOrder order = orders.selectById(payOrderId);
        if (order == null || !order.isCashierLink()) {
            throw notFound();
        }
        return view(order, payments.selectById(payOrderId));
    }

    private CreateResult takeLink(PayOrder order, CashierPayRequest r) {
        CashierPayment payment = new CashierPayment();
        payment.setPayOrderId(order.getPayOrderId());
        payment.setPayerKey(r.payer().key());
        payment.setStaticCode(false);
        payment.setPayDay(cap.today());
        payment.setAmount(order.getAmount());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        payment.setCreatedAt(now);
        String extra = views.writeMap(r.payer().channelExtra());
        boolean took;
        try {
            took = Boolean.TRUE.equals(tx.execute(status -> {
                payments.insert(payment);
                if (orders.chooseWallet(order.getPayOrderId(), r.payer().payWay(), extra, now,
                        now.plusSeconds(orderProperties.order().placementLeaseSeconds())) == 1) {
                    return true;
                }
                status.setRollbackOnly();
                return false;
            }));
        } catch (DuplicateKeyException raced) {
            took = false;
        }
        if (!took) {
            // another request took it first: the same payer (a double tap) continues there, anyone else is refused
            return payLinkAgain(order.getPayOrderId(), r);
        }
        return createPayOrder.placeClaimed(orders.selectById(order.getPayOrderId()));
    }

    private CreateResult payLinkAgain(String payOrderId, CashierPayRequest r) {
        CashierPayment taken = payments.selectById(payOrderId);
        PayOrder order = orders.selectById(payOrderId);
        if (taken == null || !taken.getPayerKey().equals(r.payer().key()) || order.getState() != OrderState.PAYING) {
            throw notPayable("The order was taken or ended meanwhile.");
        }
        return createPayOrder.repeatWithoutTrade(order);
    }

    /** Turns the create path's outcome into the payer's answer, reading the wallet's pay data as stored. */
    private CashierAnswer answer(CreateResult result) {
        if (result instanceof CreateResult.Created c) {
            return answerFor(orders.selectById(c.order().payOrderId()));
        }
        if (result instanceof CreateResult.Repeated r) {
            return answerFor(orders.selectById(r.order().payOrderId()));
        }
        if (result instanceof CreateResult.NoChannel n) {
            throw new ApiException(ErrorCode.NO_CHANNEL_AVAILABLE, null, "No channel could open this payment.");
        }
        if (result instanceof CreateResult.RouterUnavailable) {
            throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "The payment could not be opened yet; try again.");
        }
        if (result instanceof CreateResult.Invalid i) {
            throw new ApiException(ErrorCode.PARAM_INVALID, i.violation().param(), i.violation().detail());
        }
        // Conflict: the mch_order_no is derived from payer, store and request id, so only a forged request id gets here
        throw new ApiException(ErrorCode.PARAM_INVALID, "request_id", "request_id was used for another payment.");
    }

    private CashierAnswer answerFor(PayOrder order) {
        if (order.getState() != OrderState.PAYING || !order.hasTrade()) {
            if (order.getState() == OrderState.PAYING) {
                throw new ApiException(ErrorCode.ROUTER_UNAVAILABLE, null, "The payment could not be opened yet; try again.");
            }
            throw notPayable("The order is " + order.getState() + ".");
        }
        return new CashierAnswer(order.getPayOrderId(), order.getAmount(), order.tradePayWay(), order.getPayDataType(),
                order.getPayData(), order.getState().name());
    }

    private CashierOrderView view(PayOrder order, CashierPayment payment) {
        String expires = order.getExpiresAt().atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(orderProperties.order().displayZone()).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new CashierOrderView(order.getPayOrderId(), order.getMchNo(), order.getAmount(), order.getSubject(),
                order.getState().name(), order.tradePayWay(), expires,
                payment != null && payment.isStaticCode() ? payment.getStoreName() : null);
    }

    /**
     * The static-code order's mch_order_no: the same for the same payer, store and request id (a retried press), and
     * different otherwise; 32 characters, as the merchant API allows.
     */
    static String mchOrderNo(StaticOrderRequest r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((r.storeCode() + "\n" + r.payer().key() + "\n"
                    + r.requestId()).getBytes(StandardCharsets.UTF_8));
            return "SQ" + HexFormat.of().formatHex(digest).substring(0, 30);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void checkPayer(Payer payer) {
        Optional<String> problem = payer == null ? Optional.of("payer is required") : payer.problem();
        if (problem.isPresent()) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "payer", problem.get());
        }
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order for this payer.");
    }

    private static ApiException notPayable(String why) {
        return new ApiException(ErrorCode.ORDER_NOT_PAYABLE, why);
    }
}
