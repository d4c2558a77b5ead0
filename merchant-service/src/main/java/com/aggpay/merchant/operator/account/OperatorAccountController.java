package com.aggpay.merchant.operator.account;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.aggpay.contracts.service.ServiceAuthFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/operators/{username}/disable} and {@code /enable}, operators only. */
@RestController
class OperatorAccountController {

    private final OperatorAccounts accounts;

    OperatorAccountController(OperatorAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/admin/operators/{username}/disable")
    OperatorAccounts.OperatorView disable(@PathVariable("username") String username, HttpServletRequest request) {
        return answer(accounts.disable(ServiceAuthFilter.operator(request), username));
    }

    @PostMapping("/api/admin/operators/{username}/enable")
    OperatorAccounts.OperatorView enable(@PathVariable("username") String username, HttpServletRequest request) {
        return answer(accounts.enable(ServiceAuthFilter.operator(request), username));
    }

    private static OperatorAccounts.OperatorView answer(OperatorAccounts.Change change) {
        if (change instanceof OperatorAccounts.Change.Done done) {
            return done.operator();
        }
        if (change instanceof OperatorAccounts.Change.Self) {
            throw new ApiException(ErrorCode.CANNOT_DISABLE_SELF,
                    "An operator cannot disable itself; ask another operator.", "username");
        }
        throw new ApiException(ErrorCode.OPERATOR_UNKNOWN, "No operator with this username.", "username");
    }
}
