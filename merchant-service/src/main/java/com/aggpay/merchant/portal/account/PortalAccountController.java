package com.aggpay.merchant.portal.account;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.operator.login.ClientAddress;
import com.aggpay.merchant.operator.login.LoginAnswer;
import com.aggpay.merchant.portal.auth.PortalAuthInterceptor;
import com.aggpay.merchant.portal.auth.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Portal and operator API": signup, login, logout and the merchant's users. */
@RestController
class PortalAccountController {

    record SignupRequest(String email, String password, String companyName) {
        @Override
        public String toString() {
            return "SignupRequest[email=" + email + ", password=<hidden>, companyName=" + companyName + "]";
        }
    }

    record LoginRequest(String email, String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + ", password=<hidden>]";
        }
    }

    record NewUserRequest(String email, String password, String role) {
        @Override
        public String toString() {
            return "NewUserRequest[email=" + email + ", password=<hidden>, role=" + role + "]";
        }
    }

    private final PortalAccounts accounts;

    PortalAccountController(PortalAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/portal/signup")
    ResponseEntity<PortalAccounts.SignedUp> signup(@RequestBody SignupRequest body, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED).body(
                accounts.signup(body.email(), body.password(), body.companyName(), ClientAddress.of(http)));
    }

    @PostMapping("/api/portal/login")
    ResponseEntity<LoginAnswer.LoginResponse> login(@RequestBody LoginRequest body, HttpServletRequest http) {
        LoginAnswer.requireCredentials(body.email(), "email", body.password());
        return LoginAnswer.of(accounts.login(body.email(), body.password(), ClientAddress.of(http)), "email");
    }

    @PostMapping("/api/portal/logout")
    ResponseEntity<Void> logout(HttpServletRequest http) {
        accounts.logout((OperatorToken.Claims) http.getAttribute(PortalAuthInterceptor.CLAIMS_ATTRIBUTE),
                PortalUser.of(http));
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/api/portal/users")
    Map<String, List<PortalAccounts.UserView>> users(HttpServletRequest http) {
        return Map.of("items", accounts.users(PortalUser.of(http)));
    }

    @PostMapping("/api/portal/users")
    ResponseEntity<PortalAccounts.UserView> addUser(@RequestBody NewUserRequest body, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED).body(
                accounts.addUser(PortalUser.of(http), body.email(), body.password(), body.role()));
    }

    @PostMapping("/api/portal/users/{user_id}/disable")
    PortalAccounts.UserView disable(@PathVariable("user_id") String userId, HttpServletRequest http) {
        return accounts.setDisabled(PortalUser.of(http), userId, true);
    }

    @PostMapping("/api/portal/users/{user_id}/enable")
    PortalAccounts.UserView enable(@PathVariable("user_id") String userId, HttpServletRequest http) {
        return accounts.setDisabled(PortalUser.of(http), userId, false);
    }
}
