package com.aggpay.merchant.kyc;

import com.aggpay.contracts.crypto.SecretBox;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The merchant's KYC form and licence: checked field by field, the ID and account numbers sealed, editable only while
 * the merchant is DRAFT or REJECTED (a submitted form is what the operator reviews, an approved one what was approved).
 */
@Service
public class KycService {

    private static final Logger log = LoggerFactory.getLogger(KycService.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Mainland mobile numbers, or a landline with its area code; an optional +86. */
    private static final Pattern PHONE = Pattern.compile("(\\+86-?)?(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})");
    private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9]{8,32}");

    private final MerchantKycs kycs;
    private final Merchants merchants;
    private final KycLicences licences;
    private final SecretBox secretBox;
    private final Clock clock;

    public KycService(MerchantKycs kycs, Merchants merchants, KycLicences licences, SecretBox secretBox, Clock clock) {
        this.kycs = kycs;
        this.merchants = merchants;
        this.licences = licences;
        this.secretBox = secretBox;
        this.clock = clock;
    }

    public KycView view(String merchantId) {
        return KycView.of(merchantId, kycs.findById(merchantId).orElse(null));
    }

    public Optional<MerchantKyc> find(String merchantId) {
        return kycs.findById(merchantId);
    }

    /** Every field is checked before anything is written, so a 400 changes nothing. */
    @Transactional
    public KycView save(String merchantId, KycForm form) {
        if (form == null) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The KYC form is required.", null);
        }
        Merchant merchant = editable(merchantId);
        MerchantKyc kyc = kycs.findById(merchantId).orElse(null);
        boolean isNew = kyc == null;
        if (isNew) {
            kyc = new MerchantKyc();
            kyc.setMerchantId(merchantId);
        }
        MerchantKyc row = kyc;
        text(form.companyName(), "company_name", 2, 128, row::setCompanyName);
        if (form.uscc() != null) {
            String uscc = form.uscc().trim().toUpperCase(Locale.ROOT);
            if (!uscc.isEmpty() && !ChineseIds.isValidUscc(uscc)) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "uscc must be an 18-character unified social credit"
                        + " code with a valid check character (GB 32100-2015).", "uscc");
            }
            row.setUscc(uscc.isEmpty() ? null : uscc);
        }
        text(form.legalPerson(), "legal_person", 2, 64, row::setLegalPerson);
        if (form.legalPersonIdNo() != null) {
            String id = form.legalPersonIdNo().trim().toUpperCase(Locale.ROOT);
            if (!id.isEmpty() && !ChineseIds.isValidIdNumber(id, LocalDate.now(clock.withZone(CHINA)))) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "legal_person_id_no must be an 18-character resident"
                        + " identity number with a valid date of birth and check character.", "legal_person_id_no");
            }
            row.setLegalPersonIdNoEnc(id.isEmpty() ? null : secretBox.seal(id));
            row.setLegalPersonIdNoLast4(id.isEmpty() ? null : Masking.lastFour(id));
        }
        if (form.contactPhone() != null) {
            String phone = form.contactPhone().replace(" ", "");
            if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                throw new ApiException(ErrorCode.INVALID_REQUEST,
                        "contact_phone must be a mainland mobile number or a landline with its area code.",
                        "contact_phone");
            }
            row.setContactPhone(phone.isEmpty() ? null : phone);
        }
        if (form.businessCategory() != null) {
            if (form.businessCategory().length() > 64 || form.businessCategory().chars().anyMatch(Character::isISOControl)) {
                throw new ApiException(ErrorCode.INVALID_REQUEST,
                        "business_category must be one of " + Arrays.toString(BusinessCategory.values())
                                + " (or its name).", "business_category");
            }
            row.setBusinessCategory(BusinessCategory.parse(form.businessCategory()));
        }
        text(form.settlementAccountName(), "settlement_account_name", 2, 128, row::setSettlementAccountName);
        text(form.settlementBank(), "settlement_bank", 2, 128, row::setSettlementBank);
        if (form.settlementAccountNo() != null) {
            String account = form.settlementAccountNo().replace(" ", "").replace("-", "");
            if (!account.isEmpty() && !ACCOUNT_NO.matcher(account).matches()) {
                throw new ApiException(ErrorCode.INVALID_REQUEST,
                        "settlement_account_no must be 8 to 32 digits.", "settlement_account_no");
            }
            row.setSettlementAccountNoEnc(account.isEmpty() ? null : secretBox.seal(account));
            row.setSettlementAccountNoLast4(account.isEmpty() ? null : Masking.lastFour(account));
        }
        if (isNew) {
            kycs.insert(row);
        } else {
            kycs.updateById(row);
        }
        if (row.getCompanyName() != null && !row.getCompanyName().equals(merchant.getCompanyName())) {
            merchants.update(null, Wrappers.<Merchant>lambdaUpdate().set(Merchant::getCompanyName, row.getCompanyName())
                    .eq(Merchant::getMerchantId, merchantId));
        }
        log.info("event=KYC_SAVED merchant_id={} missing={}", merchantId, KycView.missing(row));
        return KycView.of(merchantId, row);
    }

    /** The image is checked before the merchant row is locked; the file is written before the row points at it. */
    @Transactional
    public KycView uploadLicence(String merchantId, byte[] bytes) {
        KycLicences.Image image = licences.check(bytes);
        editable(merchantId);
        MerchantKyc kyc = kycs.findById(merchantId).orElse(null);
        String name = licences.store(merchantId, image);
        String previous = kyc == null ? null : kyc.getLicenceFile();
        boolean isNew = kyc == null;
        if (isNew) {
            kyc = new MerchantKyc();
            kyc.setMerchantId(merchantId);
        }
        kyc.setLicenceFile(name);
        kyc.setLicenceContentType(image.contentType());
        kyc.setLicenceSize(image.bytes().length);
        kyc.setLicenceSha256(image.sha256());
        if (isNew) {
            kycs.insert(kyc);
        } else {
            kycs.updateById(kyc);
        }
        afterCommit(() -> licences.deleteQuietly(previous), () -> licences.deleteQuietly(name));
        log.info("event=KYC_LICENCE_UPLOADED merchant_id={} type={} size={} sha256={}", merchantId,
                image.contentType(), image.bytes().length, image.sha256());
        return KycView.of(merchantId, kyc);
    }

    /** The licence image for its merchant or an operator; empty when none was uploaded. */
    public Optional<KycLicences.Image> licence(String merchantId) {
        return kycs.findById(merchantId).filter(kyc -> kyc.getLicenceFile() != null)
                .map(kyc -> new KycLicences.Image(kyc.getLicenceContentType(), licences.read(kyc.getLicenceFile()),
                        kyc.getLicenceSha256()));
    }

    private Merchant editable(String merchantId) {
        Merchant merchant = merchants.lock(merchantId);
        if (merchant == null) {
            throw new ApiException(ErrorCode.MERCHANT_UNKNOWN, "No such merchant.");
        }
        if (merchant.getState() != MerchantState.DRAFT && merchant.getState() != MerchantState.REJECTED) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "The KYC can be changed only while the merchant is DRAFT"
                    + " or REJECTED; it is " + merchant.getState() + ".");
        }
        return merchant;
    }

    private static void text(String value, String param, int min, int max, Consumer<String> set) {
        if (value == null) {
            return;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            set.accept(null);
            return;
        }
        if (trimmed.length() < min || trimmed.length() > max || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    param + " must be " + min + " to " + max + " characters without control characters.", param);
        }
        set.accept(trimmed);
    }

    /** Runs {@code committed} after the transaction commits, {@code rolledBack} if it does not. */
    private static void afterCommit(Runnable committed, Runnable rolledBack) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                (status == STATUS_COMMITTED ? committed : rolledBack).run();
            }
        });
    }
}
