package com.aggpay.merchant.review;

import com.aggpay.contracts.service.ServiceAuthFilter;
import com.aggpay.merchant.kyc.KycService;
import com.aggpay.merchant.kyc.KycView;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.portal.account.MerchantUsers;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' review (API.md): the queue, a merchant's KYC (masked) with its history and licence, approve and
 * reject. Operator paths: the gateway checked the operator token, ServiceAuthFilter the operator header.
 */
@RestController
class MerchantReviewController {

    record RejectRequest(String reason) {
    }

    /** What an operator sees of one merchant. */
    record MerchantDetail(MerchantView merchant, KycView kyc, List<MerchantHistory.Item> history,
                          List<Map<String, Object>> users) {
    }

    private final Onboarding onboarding;
    private final MerchantQueue queue;
    private final KycService kyc;
    private final MerchantHistory history;
    private final MerchantUsers users;

    MerchantReviewController(Onboarding onboarding, MerchantQueue queue, KycService kyc, MerchantHistory history,
                             MerchantUsers users) {
        this.onboarding = onboarding;
        this.queue = queue;
        this.kyc = kyc;
        this.history = history;
        this.users = users;
    }

    @GetMapping("/api/admin/merchants")
    MerchantQueue.Page merchants(@RequestParam(name = "state", required = false) String state,
                                 @RequestParam(name = "cursor", required = false) String cursor,
                                 @RequestParam(name = "limit", required = false) Integer limit) {
        MerchantState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = MerchantState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_REQUEST,
                        "state must be DRAFT, SUBMITTED, APPROVED or REJECTED.", "state");
            }
        }
        return queue.page(wanted, cursor, limit);
    }

    @GetMapping("/api/admin/merchants/{merchant_id}")
    MerchantDetail merchant(@PathVariable("merchant_id") String merchantId) {
        MerchantView merchant = onboarding.merchant(merchantId);
        List<Map<String, Object>> people = users.ofMerchant(merchantId).stream()
                .map(user -> Map.<String, Object>of("user_id", user.getUserId(), "email", user.getEmail(),
                        "role", user.getRole(), "disabled", user.isDisabled()))
                .toList();
        return new MerchantDetail(merchant, kyc.view(merchantId), history.of(merchantId), people);
    }

    @GetMapping("/api/admin/merchants/{merchant_id}/licence")
    ResponseEntity<byte[]> licence(@PathVariable("merchant_id") String merchantId) {
        onboarding.merchant(merchantId);
        return PortalMerchantController.LicenceAnswer.of(kyc.licence(merchantId));
    }

    @PostMapping("/api/admin/merchants/{merchant_id}/approve")
    Map<String, Object> approve(@PathVariable("merchant_id") String merchantId, HttpServletRequest http) {
        MerchantView merchant = onboarding.approve(ServiceAuthFilter.operator(http), merchantId);
        return Map.of("merchant_id", merchant.merchantId(), "state", merchant.state(), "mch_no", merchant.mchNo());
    }

    @PostMapping("/api/admin/merchants/{merchant_id}/reject")
    Map<String, Object> reject(@PathVariable("merchant_id") String merchantId,
                               @RequestBody(required = false) RejectRequest body, HttpServletRequest http) {
        MerchantView merchant = onboarding.reject(ServiceAuthFilter.operator(http), merchantId,
                body == null ? null : body.reason());
        return Map.of("merchant_id", merchant.merchantId(), "state", merchant.state(), "reject_reason",
                merchant.rejectReason());
    }
}
