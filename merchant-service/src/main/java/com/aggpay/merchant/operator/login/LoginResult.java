package com.aggpay.merchant.operator.login;

import com.aggpay.contracts.signing.OperatorToken;

/** What a login attempt came to; a refusal is a value, not an exception. */
public sealed interface LoginResult {

    record LoggedIn(OperatorToken.Issued token) implements LoginResult {
    }

    /** Unknown username or wrong password: the caller is told the same in both cases. */
    record Refused() implements LoginResult {
    }

    record Throttled() implements LoginResult {
    }
}
