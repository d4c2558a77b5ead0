package com.aggpay.merchant.operator.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/admin/login} (API.md, operator console): the one public admin path, routed by the gateway. */
@RestController
class OperatorLoginController {

    record LoginRequest(String username, String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=<hidden>]";
        }
    }

    private final OperatorLogin login;

    OperatorLoginController(OperatorLogin login) {
        this.login = login;
    }

    @PostMapping("/api/admin/login")
    ResponseEntity<LoginAnswer.LoginResponse> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        LoginAnswer.requireCredentials(request.username(), "username", request.password());
        return LoginAnswer.of(login.login(request.username(), request.password(), ClientAddress.of(http)), "username");
    }
}
