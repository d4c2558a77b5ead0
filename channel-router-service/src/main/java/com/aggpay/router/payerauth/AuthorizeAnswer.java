package com.aggpay.router.payerauth;

/** Where to send the payer, and the channel whose app will issue the code (to hand back to {@code exchange}). */
record AuthorizeAnswer(String authorizeUrl, String channel) {
}
