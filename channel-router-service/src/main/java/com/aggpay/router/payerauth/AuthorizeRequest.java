package com.aggpay.router.payerauth;

/**
 * The gateway asks where to send a payer who opened a store's code in a wallet.
 *
 * @param returnUrl where the wallet brings the payer back with the code (the gateway's OAuth return page)
 * @param state     the gateway's own value, handed back unchanged with the code
 */
record AuthorizeRequest(String mchNo, String wallet, String returnUrl, String state) {
}
