package com.aggpay.gateway.cashier;

import java.math.BigDecimal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The few cashier pages the gateway answers itself, before any payer is known: plain HTML (no script), 简体中文
 * first with an English line, escaped wherever a merchant's text appears. The amount page and the payment live in
 * the cashier front end (web/src/cashier).
 */
final class CashierPages {

    private CashierPages() {
    }

    /** Any browser that is not one of the three wallets: no order, just how to pay. */
    static ResponseEntity<String> scanWithWallet(String storeName, Long amount) {
        String body = (storeName == null ? "" : "<p class=\"store\">" + esc(storeName) + "</p>")
                + (amount == null ? "" : "<p class=\"amount\">¥" + yuan(amount) + "</p>")
                + "<h1>请使用微信、支付宝或云闪付扫码付款</h1>"
                + "<ul class=\"wallets\"><li>微信</li><li>支付宝</li><li>云闪付</li></ul>"
                + "<p>用手机上的钱包 App 扫描此二维码即可付款。</p>"
                + "<p class=\"en\">Scan this code with WeChat, Alipay or UnionPay (云闪付) to pay.</p>";
        return page(HttpStatus.OK, "扫码付款", body);
    }

    static ResponseEntity<String> unknownCode() {
        return page(HttpStatus.NOT_FOUND, "收款码无效", "<h1>收款码无效</h1><p>没有找到这个收款码，请向商家确认。</p>"
                + "<p class=\"en\">This payment code does not exist. Please ask the shop.</p>");
    }

    static ResponseEntity<String> disabledCode(String storeName) {
        return page(HttpStatus.NOT_FOUND, "收款码已停用", "<p class=\"store\">" + esc(storeName) + "</p>"
                + "<h1>此收款码暂停收款</h1><p>请向商家确认其他付款方式。</p>"
                + "<p class=\"en\">This payment code is not taking payments. Please ask the shop.</p>");
    }

    static ResponseEntity<String> unknownOrder() {
        return page(HttpStatus.NOT_FOUND, "订单不存在", "<h1>订单不存在</h1><p>请向商家重新获取付款链接。</p>"
                + "<p class=\"en\">No such order. Please ask the shop for a new payment link.</p>");
    }

    static ResponseEntity<String> orderEnded(String state, long amount) {
        boolean paid = "SUCCESS".equals(state);
        String title = paid ? "订单已支付" : "订单已关闭";
        return page(paid ? HttpStatus.OK : HttpStatus.GONE, title, "<p class=\"amount\">¥" + yuan(amount) + "</p>"
                + "<h1>" + title + "</h1>" + (paid ? "<p class=\"en\">This order is paid.</p>"
                : "<p>此订单已无法付款，请向商家重新获取付款链接。</p><p class=\"en\">This order can no longer be paid.</p>"));
    }

    static ResponseEntity<String> noWalletChannel() {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "暂不支持此钱包", "<h1>商家暂不支持此钱包付款</h1>"
                + "<p>请换用其他钱包扫码，或向商家确认。</p>"
                + "<p class=\"en\">This shop cannot take payments from this wallet right now. Try another wallet.</p>");
    }

    static ResponseEntity<String> unavailable() {
        return page(HttpStatus.SERVICE_UNAVAILABLE, "暂时无法付款", "<h1>暂时无法付款</h1><p>请稍后重新扫码。</p>"
                + "<p class=\"en\">Payments are unavailable for a moment. Please scan again shortly.</p>");
    }

    /** The wallet's authorisation was refused or could not be checked: say so and offer to try again. */
    static ResponseEntity<String> authorisationFailed(String retryPath) {
        String retry = retryPath == null ? "<p>请重新扫描商家的收款码。</p>"
                : "<a class=\"button\" href=\"" + esc(retryPath) + "\">重新授权 Retry</a>";
        return page(HttpStatus.FORBIDDEN, "授权未完成", "<h1>钱包授权未完成</h1>"
                + "<p>付款前需要钱包确认您的身份（不会获取您的个人信息）。</p>"
                + "<p class=\"en\">Your wallet did not confirm who is paying, so the payment cannot start.</p>" + retry);
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + "</title><link rel=\"stylesheet\" href=\"/cashier/static/pages.css\">"
                + "</head><body><main>" + body + "</main></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML,
                java.nio.charset.StandardCharsets.UTF_8)).cacheControl(CacheControl.noStore()).body(html);
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
