package com.aggpay.simulator.alipay;

import com.aggpay.simulator.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code /gateway.do}: the SDK puts the common parameters in the query string and biz_content in the form body;
 * browsers post whole forms. The servlet parameter map merges both, as Alipay's gateway does.
 */
@RestController
public class AliGatewayController {

    private final AliGateway gateway;
    private final Replies replies;

    public AliGatewayController(AliGateway gateway, Replies replies) {
        this.gateway = gateway;
        this.replies = replies;
    }

    @RequestMapping(path = "/gateway.do", method = {RequestMethod.GET, RequestMethod.POST})
    public DeferredResult<ResponseEntity<byte[]>> gateway(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        String method = params.get("method");
        return replies.answer(params.get("app_id"), AliGateway.CREATES.contains(method), () -> gateway.call(params),
                () -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build());
    }
}
