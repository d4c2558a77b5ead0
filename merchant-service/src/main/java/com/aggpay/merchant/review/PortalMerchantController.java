package com.aggpay.merchant.review;

import com.aggpay.merchant.kyc.KycForm;
import com.aggpay.merchant.kyc.KycLicences;
import com.aggpay.merchant.kyc.KycService;
import com.aggpay.merchant.kyc.KycView;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.ResponseEntity;

/** The merchant's own record, KYC and onboarding steps (API.md "Portal and operator API"). */
@RestController
class PortalMerchantController {

    private final Onboarding onboarding;
    private final KycService kyc;
    private final MerchantHistory history;

    PortalMerchantController(Onboarding onboarding, KycService kyc, MerchantHistory history) {
        this.onboarding = onboarding;
        this.kyc = kyc;
        this.history = history;
    }

    @GetMapping("/api/portal/merchant")
    MerchantView merchant(HttpServletRequest http) {
        return onboarding.merchant(PortalUser.of(http).merchantId());
    }

    @GetMapping("/api/portal/merchant/history")
    Map<String, List<MerchantHistory.Item>> history(HttpServletRequest http) {
        return Map.of("items", history.of(PortalUser.of(http).merchantId()));
    }

    @GetMapping("/api/portal/kyc")
    KycView kyc(HttpServletRequest http) {
        return kyc.view(PortalUser.of(http).merchantId());
    }

    @PutMapping("/api/portal/kyc")
    KycView saveKyc(@RequestBody KycForm form, HttpServletRequest http) {
        return kyc.save(PortalUser.of(http).require(MerchantRole.OWNER).merchantId(), form);
    }

    @PostMapping("/api/portal/kyc/licence")
    KycView uploadLicence(@RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest http)
            throws IOException {
        PortalUser user = PortalUser.of(http).require(MerchantRole.OWNER);
        if (file == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Send the image as the multipart part named file.",
                    "file");
        }
        return kyc.uploadLicence(user.merchantId(), file.getBytes());
    }

    @GetMapping("/api/portal/kyc/licence")
    ResponseEntity<byte[]> licence(HttpServletRequest http) {
        return LicenceAnswer.of(kyc.licence(PortalUser.of(http).merchantId()));
    }

    @PostMapping("/api/portal/kyc/submit")
    Map<String, Object> submit(HttpServletRequest http) {
        MerchantView merchant = onboarding.submit(PortalUser.of(http));
        return Map.of("merchant_id", merchant.merchantId(), "state", merchant.state());
    }

    /** Shared by the portal's and the operators' licence downloads. */
    static final class LicenceAnswer {

        private LicenceAnswer() {
        }

        static ResponseEntity<byte[]> of(java.util.Optional<KycLicences.Image> image) {
            KycLicences.Image found = image.orElseThrow(
                    () -> new ApiException(ErrorCode.NOT_FOUND, "No licence image was uploaded."));
            // An identity document: never cached on the way, never sniffed into anything but an image.
            return ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(found.contentType()))
                    .cacheControl(org.springframework.http.CacheControl.noStore())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", "inline; filename=\"licence"
                            + ("image/png".equals(found.contentType()) ? ".png" : ".jpg") + "\"")
                    .body(found.bytes());
        }
    }
}
