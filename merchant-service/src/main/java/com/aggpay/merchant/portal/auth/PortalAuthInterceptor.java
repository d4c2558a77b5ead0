package com.aggpay.merchant.portal.auth;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.portal.account.MerchantUser;
import com.aggpay.merchant.portal.account.MerchantUsers;
import com.aggpay.merchant.portal.account.PortalTokenRevocations;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The merchant portal's bearer token on every {@code /api/portal/**} handler but signup and login
 * ({@link PortalWebConfiguration}): valid, of a merchant role (an operator's token is refused), not revoked, and of a
 * user that still exists and is not disabled. The user is then on the request as a {@link PortalUser}. Every refusal
 * is a security event. The token itself is kept on the request too, for the logout.
 */
@Component
public class PortalAuthInterceptor implements HandlerInterceptor {

    public static final String CLAIMS_ATTRIBUTE = "aggpay.portal.token";
    private static final String BEARER = "Bearer ";
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    private final OperatorToken tokens;
    private final PortalTokenRevocations revocations;
    private final MerchantUsers users;

    PortalAuthInterceptor(OperatorToken tokens, PortalTokenRevocations revocations, MerchantUsers users) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<String> authorization = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (authorization.size() != 1
                || !authorization.get(0).regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw refuse(request, authorization.isEmpty() ? "MISSING" : "NOT_A_BEARER_TOKEN");
        }
        OperatorToken.Verification verification = tokens.verify(authorization.get(0).substring(BEARER.length()).trim());
        if (verification instanceof OperatorToken.Verification.Rejected rejected) {
            throw refuse(request, rejected.reason().name());
        }
        OperatorToken.Claims claims = ((OperatorToken.Verification.Valid) verification).claims();
        MerchantRole role = MerchantRole.fromTokenRole(claims.role());
        if (role == null) {
            security.warn("event=PORTAL_ACCESS_REFUSED reason=ROLE_{} subject={} path={}", claims.role(),
                    claims.subject(), request.getRequestURI());
            throw new ApiException(ErrorCode.PORTAL_FORBIDDEN, "This is not a merchant portal token.");
        }
        if (revocations.isRevoked(claims)) {
            throw refuse(request, "REVOKED");
        }
        MerchantUser user = users.findById(claims.subject()).orElse(null);
        if (user == null || user.isDisabled()) {
            throw refuse(request, user == null ? "UNKNOWN_USER" : "DISABLED");
        }
        // The stored role, not the token's: a changed role applies from the next call on.
        request.setAttribute(PortalUser.ATTRIBUTE, new PortalUser(user.getUserId(), user.getMerchantId(),
                user.getEmail(), user.getRole(), claims.jti()));
        request.setAttribute(CLAIMS_ATTRIBUTE, claims);
        return true;
    }

    private static ApiException refuse(HttpServletRequest request, String reason) {
        security.warn("event=PORTAL_ACCESS_REFUSED reason={} path={}", reason, request.getRequestURI());
        return new ApiException(ErrorCode.PORTAL_UNAUTHENTICATED,
                "Log in to the merchant portal: Authorization: Bearer <token>.");
    }
}
