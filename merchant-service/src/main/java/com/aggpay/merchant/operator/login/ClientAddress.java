package com.aggpay.merchant.operator.login;

import com.aggpay.contracts.http.AggpayHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The address of the client behind the gateway: {@code X-Aggpay-Client-Ip}, which the gateway strips from every
 * incoming request and sets to the peer it saw, so no caller can choose it ({@code X-Forwarded-For} could be). Public
 * routes reach this service only through the gateway; without the header the peer itself is the client.
 */
public final class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String fromGateway = request.getHeader(AggpayHeaders.CLIENT_IP);
        return fromGateway != null && IP_LITERAL.matcher(fromGateway).matches() ? fromGateway : request.getRemoteAddr();
    }
}
