package com.aggpay.simulator.ledger;

/** The upstream wire protocol a trade was opened through; decides how its notification is sent. */
public enum Protocol {
    WXPAY_V3, ALIPAY, WXPAY_V2, UNIONPAY
}
