package com.aggpay.merchant.operator.login;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/login} (API.md, operator console): the one public admin path, routed by the gateway. */
@RestController
class OperatorLoginController {

    /** BCrypt reads only the first 72 bytes; a longer password could never have been set, and would not be checked. */
    private static final int MAX_PASSWORD_BYTES = 72;

    record LoginRequest(String username, String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=<hidden>]";
        }
    }

    record LoginResponse(String token, OffsetDateTime expiresAt) {

        @Override
        public String toString() {
            return "LoginResponse[token=<hidden>, expiresAt=" + expiresAt + "]";
        }
    }

    private final OperatorLogin login;

    OperatorLoginController(OperatorLogin login) {
        this.login = login;
    }

    @PostMapping("/api/admin/login")
    ResponseEntity<LoginResponse> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        if (request.username() == null || request.username().isBlank()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "username is required.", "username");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "password is required.", "password");
        }
        if (request.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "password is longer than 72 bytes.", "password");
        }
        LoginResult result = login.login(request.username(), request.password(), ClientAddress.of(http));
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            var claims = loggedIn.token().claims();
            // A bearer token must not be kept by any cache on the way (RFC 6749 §5.1).
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LoginResponse(
                    loggedIn.token().token(), claims.expiresAt().atOffset(ZoneOffset.UTC)));
        }
        if (result instanceof LoginResult.Throttled throttled) {
            throw ApiException.retryLater(ErrorCode.LOGIN_THROTTLED,
                    "Too many failed logins for this username or address; try again later.", throttled.retryAfter());
        }
        throw new ApiException(ErrorCode.LOGIN_FAILED, "The username or password is wrong.");
    }
}
