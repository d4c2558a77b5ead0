package com.aggpay.merchant.portal.auth;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The merchant user behind a portal call, put on the request by {@link PortalAuthInterceptor} after it verified the
 * bearer token (every {@code /api/portal/**} path but signup and login). Controllers take it with
 * {@code PortalUser.of(request)} and act only on {@link #merchantId()}'s data.
 */
public record PortalUser(String userId, String merchantId, String email, MerchantRole role, String tokenId) {

    public static final String ATTRIBUTE = "aggpay.portal.user";

    public static PortalUser of(HttpServletRequest request) {
        Object user = request.getAttribute(ATTRIBUTE);
        if (user instanceof PortalUser portalUser) {
            return portalUser;
        }
        throw new ApiException(ErrorCode.PORTAL_UNAUTHENTICATED, "Log in to the merchant portal first.");
    }

    /** 403 {@code PORTAL_FORBIDDEN} unless this user's role is at least {@code needed}. */
    public PortalUser require(MerchantRole needed) {
        if (!role.atLeast(needed)) {
            throw new ApiException(ErrorCode.PORTAL_FORBIDDEN,
                    "This needs the " + needed.name().toLowerCase() + " role; yours is " + role.name().toLowerCase()
                            + ".");
        }
        return this;
    }
}
