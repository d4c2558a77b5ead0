package com.aggpay.notify.api;

import com.aggpay.contracts.http.AggpayHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every {@code /api/admin/**} call of notify-service must carry {@code X-Aggpay-Operator}, which only the gateway sets
 * after verifying an operator token (it strips the header from incoming requests), as in the router and
 * order-service. The check covers the whole prefix so endpoints added later are guarded too.
 */
@Configuration(proxyBeanMethods = false)
class OperatorRequired implements WebMvcConfigurer {

    /** The shape the gateway accepts in a token's subject; anything else did not come from it. */
    static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String operator = request.getHeader(AggpayHeaders.OPERATOR);
                if (operator == null || !OPERATOR.matcher(operator).matches()) {
                    throw new ApiException(ErrorCode.OPERATOR_UNAUTHENTICATED, null,
                            "Operator calls are accepted only through the gateway, with an operator token.");
                }
                return true;
            }
        }).addPathPatterns("/api/admin/**");
    }
}
