package com.aggpay.gateway.app;

/** merchant-service could not be asked (down, slow, or an answer we do not understand). */
public class MerchantServiceUnavailable extends RuntimeException {

    public MerchantServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
