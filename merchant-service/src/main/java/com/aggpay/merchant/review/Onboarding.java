package com.aggpay.merchant.review;

import com.aggpay.merchant.audit.AuditAction;
import com.aggpay.merchant.audit.AuditTrail;
import com.aggpay.merchant.kyc.KycService;
import com.aggpay.merchant.kyc.KycView;
import com.aggpay.merchant.kyc.MerchantKyc;
import com.aggpay.merchant.kyc.MerchantKycs;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import feign.FeignException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DRAFT → SUBMITTED → APPROVED, or REJECTED with a reason → edited → SUBMITTED again (API.md). Every step is a
 * conditional change of the locked merchant row with its history line (and, for an operator's decision, its audit
 * row) in the same transaction, so two operators deciding at once get one decision and one 409.
 */
@Service
public class Onboarding {

    private static final Logger log = LoggerFactory.getLogger(Onboarding.class);
    static final int MAX_REASON_LENGTH = 512;

    private final Merchants merchants;
    private final MerchantKycs kycs;
    private final KycService kycService;
    private final MerchantHistory history;
    private final MchNumbers mchNumbers;
    private final RouterContracts routerContracts;
    private final AuditTrail auditTrail;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Onboarding(Merchants merchants, MerchantKycs kycs, KycService kycService, MerchantHistory history,
                      MchNumbers mchNumbers, RouterContracts routerContracts, AuditTrail auditTrail,
                      TransactionTemplate tx, Clock clock) {
        this.merchants = merchants;
        this.kycs = kycs;
        this.kycService = kycService;
        this.history = history;
        this.mchNumbers = mchNumbers;
        this.routerContracts = routerContracts;
        this.auditTrail = auditTrail;
        this.tx = tx;
        this.clock = clock;
    }

    public MerchantView merchant(String merchantId) {
        return MerchantView.of(merchants.findById(merchantId)
                .orElseThrow(() -> new ApiException(ErrorCode.MERCHANT_UNKNOWN, "No such merchant.")));
    }

    /** The owner hands the complete KYC to the operators. */
    public MerchantView submit(PortalUser user) {
        user.require(MerchantRole.OWNER);
        return tx.execute(status -> {
            Merchant merchant = locked(user.merchantId());
            if (merchant.getState() != MerchantState.DRAFT && merchant.getState() != MerchantState.REJECTED) {
                throw new ApiException(ErrorCode.STATE_CONFLICT,
                        "Only a DRAFT or REJECTED merchant can submit; this one is " + merchant.getState() + ".");
            }
            KycView kyc = kycService.view(user.merchantId());
            if (!kyc.missing().isEmpty()) {
                throw new ApiException(ErrorCode.KYC_INCOMPLETE, "The KYC still needs: "
                        + String.join(", ", kyc.missing()) + ".", kyc.missing().get(0));
            }
            merchants.update(null, Wrappers.<Merchant>lambdaUpdate()
                    .set(Merchant::getState, MerchantState.SUBMITTED)
                    .set(Merchant::getRejectReason, null)
                    .eq(Merchant::getMerchantId, merchant.getMerchantId()));
            MerchantKyc row = kycs.selectById(user.merchantId());
            row.setSubmittedAt(LocalDateTime.now(clock));
            kycs.updateById(row);
            history.record(merchant.getMerchantId(), MerchantHistoryEntry.ActorType.MERCHANT_USER, user.email(),
                    HistoryAction.KYC_SUBMITTED, null);
            log.info("event=KYC_SUBMITTED merchant_id={} user_id={}", merchant.getMerchantId(), user.userId());
            return merchant(merchant.getMerchantId());
        });
    }

    /**
     * Assigns the mch_no, has channel-router create the default contracts of the merchant's category, then commits
     * the approval. The router's part is idempotent and comes first: if it fails nothing here has changed (the
     * operator gets a 503 and tries again), and a number taken for an approval that then loses a race is skipped.
     */
    public MerchantView approve(String operator, String merchantId) {
        Merchant current = merchants.findById(merchantId)
                .orElseThrow(() -> new ApiException(ErrorCode.MERCHANT_UNKNOWN, "No such merchant."));
        requireSubmitted(current);
        MerchantKyc kyc = kycs.selectById(merchantId);
        String mchNo = current.getMchNo() != null ? current.getMchNo() : mchNumbers.next();
        try {
            routerContracts.ensureDefaults(mchNo,
                    new RouterContracts.DefaultsRequest(kyc.getBusinessCategory().name(), operator));
        } catch (FeignException e) {
            log.warn("default contracts for {} ({}) not created: {}", merchantId, mchNo, e.toString());
            throw new ApiException(ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "The merchant's channel contracts could not be created; nothing was changed. Try again shortly.");
        }
        return tx.execute(status -> {
            Merchant merchant = locked(merchantId);
            requireSubmitted(merchant);
            merchants.update(null, Wrappers.<Merchant>lambdaUpdate()
                    .set(Merchant::getState, MerchantState.APPROVED)
                    .set(Merchant::getMchNo, mchNo)
                    .set(Merchant::getRejectReason, null)
                    .eq(Merchant::getMerchantId, merchantId));
            history.record(merchantId, MerchantHistoryEntry.ActorType.OPERATOR, operator, HistoryAction.APPROVED,
                    null);
            auditTrail.record(operator, AuditAction.MERCHANT_APPROVED, "merchant:" + merchantId,
                    Map.of("state", merchant.getState().name()),
                    Map.of("state", MerchantState.APPROVED.name(), "mch_no", mchNo));
            return merchant(merchantId);
        });
    }

    public MerchantView reject(String operator, String merchantId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > MAX_REASON_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "reason must be 2 to " + MAX_REASON_LENGTH + " characters: the merchant reads it.", "reason");
        }
        return tx.execute(status -> {
            Merchant merchant = locked(merchantId);
            requireSubmitted(merchant);
            merchants.update(null, Wrappers.<Merchant>lambdaUpdate()
                    .set(Merchant::getState, MerchantState.REJECTED)
                    .set(Merchant::getRejectReason, why)
                    .eq(Merchant::getMerchantId, merchantId));
            history.record(merchantId, MerchantHistoryEntry.ActorType.OPERATOR, operator, HistoryAction.REJECTED,
                    why);
            auditTrail.record(operator, AuditAction.MERCHANT_REJECTED, "merchant:" + merchantId,
                    Map.of("state", merchant.getState().name()),
                    Map.of("state", MerchantState.REJECTED.name(), "reject_reason", why));
            return merchant(merchantId);
        });
    }

    private Merchant locked(String merchantId) {
        Merchant merchant = merchants.lock(merchantId);
        if (merchant == null) {
            throw new ApiException(ErrorCode.MERCHANT_UNKNOWN, "No such merchant.");
        }
        return merchant;
    }

    private static void requireSubmitted(Merchant merchant) {
        if (merchant.getState() != MerchantState.SUBMITTED) {
            throw new ApiException(ErrorCode.STATE_CONFLICT,
                    "Only a SUBMITTED merchant can be approved or rejected; this one is " + merchant.getState() + ".");
        }
    }
}
