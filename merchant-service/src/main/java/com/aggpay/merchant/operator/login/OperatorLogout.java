package com.aggpay.merchant.operator.login;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.audit.AuditAction;
import com.aggpay.merchant.audit.AuditTrail;
import com.aggpay.merchant.operator.TokenRevocations;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes the token a logout arrives with. The gateway already checked it and names its operator; the token itself
 * is needed for its id, and is checked again here so a call that did not come with its own token revokes nothing.
 */
@Service
public class OperatorLogout {

    private final OperatorToken tokens;
    private final TokenRevocations revocations;
    private final AuditTrail auditTrail;

    public OperatorLogout(OperatorToken tokens, TokenRevocations revocations, AuditTrail auditTrail) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.auditTrail = auditTrail;
    }

    public sealed interface Result {

        record LoggedOut(String tokenId) implements Result {
        }

        /** Not a valid token, or the token of another operator than the one the gateway named. */
        record NotThisOperatorsToken() implements Result {
        }
    }

    /** The audit row first, the revocation last: if Redis fails, the row rolls back and the caller gets a 503. */
    @Transactional
    public Result logout(String operator, String token) {
        if (!(tokens.verify(token) instanceof OperatorToken.Verification.Valid valid)
                || !valid.claims().subject().equals(operator)) {
            return new Result.NotThisOperatorsToken();
        }
        OperatorToken.Claims claims = valid.claims();
        auditTrail.record(operator, AuditAction.LOGOUT, "token:" + claims.jti(),
                Map.of("token_id", claims.jti(), "state", "VALID", "expires_at", claims.expiresAt().toString()),
                Map.of("token_id", claims.jti(), "state", "REVOKED"));
        revocations.revoke(claims);
        return new Result.LoggedOut(claims.jti());
    }
}
