package com.aggpay.simulator.alipay;

import com.aggpay.simulator.bill.BillFiles;
import com.aggpay.simulator.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final BillFiles billFiles;

    public AliGatewayController(AliGateway gateway, Replies replies, BillFiles billFiles) {
        this.gateway = gateway;
        this.replies = replies;
        this.billFiles = billFiles;
    }

    @RequestMapping(path = "/gateway.do", method = {RequestMethod.GET, RequestMethod.POST})
    public DeferredResult<ResponseEntity<byte[]>> gateway(HttpServletRequest request) {
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        String method = params.get("method");
        return replies.answer(params.get("app_id"), AliGateway.MUTATING.contains(method), () -> gateway.call(params),
                () -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build());
    }

    /** The file behind a bill_download_url (Alipay's is unauthenticated, guarded by its unguessable id). */
    @GetMapping("/downloadBillFile.resource")
    public DeferredResult<ResponseEntity<byte[]>> bill(@RequestParam(required = false) String fileId) {
        Optional<BillFiles.File> file = billFiles.get(fileId);
        return replies.answer(file.map(BillFiles.File::account).orElse(null), false, () -> file
                .map(f -> ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, f.contentType())
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(f.name(), StandardCharsets.UTF_8).build().toString())
                        .body(f.content()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).<byte[]>build()),
                () -> ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build());
    }
}
