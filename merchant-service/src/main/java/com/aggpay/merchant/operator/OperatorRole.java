package com.aggpay.merchant.operator;

public enum OperatorRole {
    OPERATOR
}
