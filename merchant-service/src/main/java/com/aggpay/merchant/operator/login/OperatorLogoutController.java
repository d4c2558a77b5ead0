package com.aggpay.merchant.operator.login;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.aggpay.contracts.service.ServiceAuthFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/logout}: routed by the gateway as an operator call that keeps its {@code Authorization}
 * header, so this service sees both the verified operator and the token to revoke.
 */
@RestController
class OperatorLogoutController {

    private static final String BEARER = "Bearer ";

    private final OperatorLogout logout;

    OperatorLogoutController(OperatorLogout logout) {
        this.logout = logout;
    }

    @PostMapping("/api/admin/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        String operator = ServiceAuthFilter.operator(request);
        List<String> authorization = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (authorization.size() != 1 || !authorization.get(0).regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthenticated();
        }
        OperatorLogout.Result result = logout.logout(operator, authorization.get(0).substring(BEARER.length()).trim());
        if (result instanceof OperatorLogout.Result.NotThisOperatorsToken) {
            throw unauthenticated();
        }
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    private static ApiException unauthenticated() {
        return new ApiException(ErrorCode.OPERATOR_UNAUTHENTICATED,
                "Logout needs the operator's own token: Authorization: Bearer <token>.");
    }
}
