package com.aggpay.merchant.operator.login;

import com.aggpay.contracts.signing.OperatorToken;
import java.time.Duration;

/** What a login attempt came to; a refusal is a value, not an exception. */
public sealed interface LoginResult {

    record LoggedIn(OperatorToken.Issued token) implements LoginResult {
    }

    /** Unknown username, wrong password or a disabled operator: the caller is told the same in every case. */
    record Refused() implements LoginResult {
    }

    /** Too many recent failures for this username from this address, from this address, or (briefly) anywhere. */
    record Throttled(Duration retryAfter) implements LoginResult {
    }
}
