package com.aggpay.merchant.web;

import com.aggpay.contracts.http.AggpayHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /api/admin/**} call but the login must carry {@code X-Aggpay-Operator}, which only the gateway sets
 * after it verified an operator token (it strips the header from every incoming request). A call without it did not
 * come through the gateway's operator check, so it is refused before any handler runs, including endpoints added
 * later. {@link #operator(HttpServletRequest)} reads it for the handlers.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorRequired implements WebMvcConfigurer {

    /** The same shape the gateway accepts in a token's subject; anything else did not come from it. */
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                operator(request);
                return true;
            }
        }).addPathPatterns("/api/admin/**").excludePathPatterns("/api/admin/login");
    }

    /** The operator the gateway vouched for; a 401 problem when there is none. */
    public static String operator(HttpServletRequest request) {
        String operator = request.getHeader(AggpayHeaders.OPERATOR);
        if (operator == null || !OPERATOR.matcher(operator).matches()) {
            throw new ApiException(ErrorCode.OPERATOR_UNAUTHENTICATED,
                    "Operator calls are accepted only through the gateway, with an operator token.");
        }
        return operator;
    }
}
