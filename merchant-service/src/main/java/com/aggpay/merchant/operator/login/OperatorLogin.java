package com.aggpay.merchant.operator.login;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.audit.AuditAction;
import com.aggpay.merchant.audit.AuditTrail;
import com.aggpay.merchant.operator.Operator;
import com.aggpay.merchant.operator.OperatorRole;
import com.aggpay.merchant.operator.Operators;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Logs an operator in: throttle, look up, BCrypt, token. Every attempt leaves one log line: successes on
 * {@code aggpay.audit} (and a row in {@code operator_audit}), failures and throttling on {@code aggpay.security};
 * never the password. Unknown, wrong and disabled all cost one BCrypt check and get the same answer.
 */
@Service
public class OperatorLogin {

    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final OperatorToken tokens;
    private final LoginThrottle throttle;
    private final OperatorLoginProperties properties;
    private final AuditTrail auditTrail;
    /** Checked when the username is unknown, so that answer takes as long as a wrong password. */
    private final String decoyHash;

    public OperatorLogin(Operators operators, PasswordEncoder passwords, OperatorToken tokens, LoginThrottle throttle,
                         OperatorLoginProperties properties, AuditTrail auditTrail) {
        this.operators = operators;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.properties = properties;
        this.auditTrail = auditTrail;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public LoginResult login(String username, String password, String clientAddress) {
        Duration wait = throttle.waitBefore(username, clientAddress);
        if (!wait.isZero()) {
            security.warn("event=OPERATOR_LOGIN_THROTTLED {} remote={} retry_after_ms={}", who(username, null),
                    clientAddress, wait.toMillis());
            return new LoginResult.Throttled(wait);
        }
        Operator operator = operators.findByUsername(username).orElse(null);
        boolean passwordMatches = passwords.matches(password, operator == null ? decoyHash : operator.getPasswordHash());
        if (operator == null || !passwordMatches || operator.getRole() != OperatorRole.OPERATOR
                || operator.isDisabled()) {
            throttle.failed(username, clientAddress);
            String reason = operator == null ? "UNKNOWN_USER" : !passwordMatches ? "BAD_PASSWORD"
                    : operator.isDisabled() ? "DISABLED" : "NOT_AN_OPERATOR";
            security.warn("event=OPERATOR_LOGIN_FAILED {} reason={} remote={}", who(username, operator), reason,
                    clientAddress);
            return new LoginResult.Refused();
        }
        throttle.succeeded(username, clientAddress);
        // The stored name, not the typed one: the table ignores case, the token and the audit trail must not.
        OperatorToken.Issued issued = tokens.issue(operator.getUsername(), OperatorToken.ROLE_OPERATOR,
                properties.tokenTtl());
        audit.info("event=OPERATOR_LOGIN_SUCCEEDED operator={} remote={} token_id={} expires_at={}",
                operator.getUsername(), clientAddress, issued.claims().jti(), issued.claims().expiresAt());
        auditTrail.record(operator.getUsername(), AuditAction.LOGIN, "token:" + issued.claims().jti(), null,
                Map.of("token_id", issued.claims().jti(), "expires_at", issued.claims().expiresAt().toString(),
                        "client_address", clientAddress));
        return new LoginResult.LoggedIn(issued);
    }

    /**
     * A known operator is named; an unknown "username" may be a password typed into the wrong field, so only a
     * short hash is logged: enough to see one name being tried again and again.
     */
    private static String who(String username, Operator operator) {
        if (operator != null) {
            return "username=" + operator.getUsername();
        }
        return "username_sha256=" + sha256Prefix(username);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
