package com.aggpay.simulator.unionpay;

import java.util.Map;

/**
 * The respCodes this simulator answers, with UnionPay's own messages. Two are this simulator's choice where the
 * documentation leaves room: {@code 12} answers both a re-used orderId with other parameters and a re-apply of a
 * paid or closed order (the message says which; a client must query to know), and a closed QR order queries as
 * origRespCode {@code 01}.
 */
final class UpCodes {

    static final String OK = "00";
    static final String FAILED = "01";
    static final String ACCEPTED = "05";
    static final String FORMAT = "10";
    static final String SIGNATURE = "11";
    static final String DUPLICATE = "12";
    static final String MISSING = "13";
    static final String MERCHANT = "31";
    static final String NOT_PERMITTED = "32";
    static final String AMOUNT_LIMIT = "33";
    static final String NOT_FOUND = "34";
    static final String ORIGINAL_INVALID = "35";
    static final String NO_FILE = "98";

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry(OK, "成功[0000000]"),
            Map.entry(FAILED, "交易失败"),
            Map.entry(ACCEPTED, "交易已受理，请稍后查询交易结果"),
            Map.entry(FORMAT, "报文格式错误"),
            Map.entry(SIGNATURE, "验证签名失败"),
            Map.entry(DUPLICATE, "重复交易"),
            Map.entry(MISSING, "报文交易要素缺失"),
            Map.entry(MERCHANT, "商户状态不正确"),
            Map.entry(NOT_PERMITTED, "无此交易权限"),
            Map.entry(AMOUNT_LIMIT, "交易金额超限"),
            Map.entry(NOT_FOUND, "查无此交易"),
            Map.entry(ORIGINAL_INVALID, "原交易不存在或状态不正确"),
            Map.entry(NO_FILE, "文件不存在"));

    private UpCodes() {
    }

    static String message(String code) {
        return MESSAGES.getOrDefault(code, "交易失败");
    }
}
