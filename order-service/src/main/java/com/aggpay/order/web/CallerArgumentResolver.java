package com.aggpay.order.web;

import com.aggpay.contracts.http.AggpayHeaders;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a {@link Caller} parameter from the headers the gateway sets after it verified the merchant's signature
 * (and strips from every incoming request). A merchant call without them never came through the gateway: 401.
 */
@Configuration
public class CallerArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String appId = request.getHeader(AggpayHeaders.APP_ID);
        String mchNo = request.getHeader(AggpayHeaders.MCH_NO);
        if (appId == null || appId.isBlank() || mchNo == null || mchNo.isBlank()) {
            throw new ApiException(ErrorCode.CALLER_UNKNOWN, "Merchant calls are accepted through the gateway only.");
        }
        return new Caller(appId, mchNo);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
