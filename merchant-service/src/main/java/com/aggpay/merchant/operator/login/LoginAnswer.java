package com.aggpay.merchant.operator.login;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP side of a login, the same for operators and merchant users: the password's checks before any lookup,
 * and the answer to each {@link LoginResult}.
 */
public final class LoginAnswer {

    /** BCrypt reads only the first 72 bytes; a longer password could never have been set, and would not be checked. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public record LoginResponse(String token, OffsetDateTime expiresAt) {

        @Override
        public String toString() {
            return "LoginResponse[token=<hidden>, expiresAt=" + expiresAt + "]";
        }
    }

    private LoginAnswer() {
    }

    /** 400 naming the field unless both are there and the password could be a BCrypt one. */
    public static void requireCredentials(String login, String loginParam, String password) {
        if (login == null || login.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, loginParam + " is required.", loginParam);
        }
        if (password == null || password.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "password is required.", "password");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "password is longer than 72 bytes.", "password");
        }
    }

    /** The token, never cached on the way (RFC 6749 §5.1); 429 with Retry-After; or the one refusal for everything else. */
    public static ResponseEntity<LoginResponse> of(LoginResult result, String loginParam) {
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            var claims = loggedIn.token().claims();
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(
                    new LoginResponse(loggedIn.token().token(), claims.expiresAt().atOffset(ZoneOffset.UTC)));
        }
        if (result instanceof LoginResult.Throttled throttled) {
            throw ApiException.retryLater(ErrorCode.LOGIN_THROTTLED, "Too many failed logins for this " + loginParam
                    + " or address; try again later.", throttled.retryAfter());
        }
        throw new ApiException(ErrorCode.LOGIN_FAILED, "The " + loginParam + " or password is wrong.");
    }
}
