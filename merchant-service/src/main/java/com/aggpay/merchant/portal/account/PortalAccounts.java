package com.aggpay.merchant.portal.account;

import com.aggpay.contracts.signing.OperatorToken;
import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.operator.login.LoginAnswer;
import com.aggpay.merchant.operator.login.LoginResult;
import com.aggpay.merchant.operator.login.LoginThrottle;
import com.aggpay.merchant.operator.login.OperatorLoginProperties;
import com.aggpay.merchant.portal.auth.MerchantRole;
import com.aggpay.merchant.portal.auth.PortalUser;
import com.aggpay.merchant.redis.RedisProperties;
import com.aggpay.merchant.review.HistoryAction;
import com.aggpay.merchant.review.MerchantHistory;
import com.aggpay.merchant.review.MerchantHistoryEntry;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import redis.clients.jedis.JedisPooled;

/**
 * Merchant users: signup (a new merchant in DRAFT and its owner), login with the operators' throttling policy over
 * keys of its own, logout, and the owner adding users. Tokens have the operator token's format with a
 * {@code MERCHANT_<ROLE>} role and the user id as subject: the gateway refuses them on operator routes and
 * {@code PortalAuthInterceptor} refuses operator tokens here.
 */
@Service
public class PortalAccounts {

    /** Enough for any real address, with no spaces or control characters; the mailbox is not verified here. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,24}");
    static final int MIN_PASSWORD_LENGTH = 8;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger audit = LoggerFactory.getLogger("aggpay.audit");
    private static final Logger security = LoggerFactory.getLogger("aggpay.security");

    /** The answer to a signup. */
    public record SignedUp(String merchantId, MerchantState state) {
    }

    /** One user as the owner sees it. */
    public record UserView(String userId, String email, MerchantRole role, boolean disabled,
                           OffsetDateTime createdAt) {
    }

    private final Merchants merchants;
    private final MerchantUsers users;
    private final MerchantHistory history;
    private final PasswordEncoder passwords;
    private final OperatorToken tokens;
    private final PortalTokenRevocations revocations;
    private final LoginThrottle throttle;
    private final Duration tokenTtl;
    private final Clock clock;
    /** Checked when the email is unknown, so that answer takes as long as a wrong password. */
    private final String decoyHash;

    public PortalAccounts(Merchants merchants, MerchantUsers users, MerchantHistory history, PasswordEncoder passwords,
                          OperatorToken tokens, PortalTokenRevocations revocations, JedisPooled redis,
                          OperatorLoginProperties loginPolicy, RedisProperties redisProperties, Clock clock) {
        this.merchants = merchants;
        this.users = users;
        this.history = history;
        this.passwords = passwords;
        this.tokens = tokens;
        this.revocations = revocations;
        this.throttle = new LoginThrottle(redis, loginPolicy, redisProperties, clock, "merchant-login");
        this.tokenTtl = loginPolicy.tokenTtl();
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Transactional
    public SignedUp signup(String email, String password, String companyName, String clientAddress) {
        String address = email(email);
        password(password, address);
        String company = companyName == null ? "" : companyName.strip();
        if (company.length() < 2 || company.length() > 128 || company.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "company_name must be 2 to 128 characters.",
                    "company_name");
        }
        Merchant merchant = new Merchant();
        merchant.setMerchantId(newId("mer_"));
        merchant.setCompanyName(company);
        merchant.setState(MerchantState.DRAFT);
        merchants.insert(merchant);
        MerchantUser owner = newUser(merchant.getMerchantId(), address, password, MerchantRole.OWNER);
        history.record(merchant.getMerchantId(), MerchantHistoryEntry.ActorType.MERCHANT_USER, owner.getEmail(),
                HistoryAction.SIGNED_UP, null);
        audit.info("event=MERCHANT_SIGNED_UP merchant_id={} user_id={} remote={}", merchant.getMerchantId(),
                owner.getUserId(), clientAddress);
        return new SignedUp(merchant.getMerchantId(), MerchantState.DRAFT);
    }

    public LoginResult login(String email, String password, String clientAddress) {
        String typed = email == null ? "" : email.strip();
        Duration wait = throttle.waitBefore(typed, clientAddress);
        if (!wait.isZero()) {
            security.warn("event=MERCHANT_LOGIN_THROTTLED remote={} retry_after_ms={}", clientAddress, wait.toMillis());
            return new LoginResult.Throttled(wait);
        }
        MerchantUser user = typed.isEmpty() ? null : users.findByEmail(typed).orElse(null);
        boolean matches = passwords.matches(password, user == null ? decoyHash : user.getPasswordHash());
        if (user == null || !matches || user.isDisabled()) {
            throttle.failed(typed, clientAddress);
            security.warn("event=MERCHANT_LOGIN_FAILED user_id={} reason={} remote={}",
                    user == null ? "-" : user.getUserId(),
                    user == null ? "UNKNOWN_USER" : !matches ? "BAD_PASSWORD" : "DISABLED", clientAddress);
            return new LoginResult.Refused();
        }
        throttle.succeeded(typed, clientAddress);
        OperatorToken.Issued issued = tokens.issue(user.getUserId(), user.getRole().tokenRole(), tokenTtl);
        audit.info("event=MERCHANT_LOGIN_SUCCEEDED merchant_id={} user_id={} remote={} token_id={}",
                user.getMerchantId(), user.getUserId(), clientAddress, issued.claims().jti());
        return new LoginResult.LoggedIn(issued);
    }

    public void logout(OperatorToken.Claims token, PortalUser user) {
        revocations.revoke(token);
        audit.info("event=MERCHANT_LOGOUT merchant_id={} user_id={} token_id={}", user.merchantId(), user.userId(),
                token.jti());
    }

    @Transactional
    public UserView addUser(PortalUser owner, String email, String password, String role) {
        owner.require(MerchantRole.OWNER);
        String address = email(email);
        password(password, address);
        MerchantRole newRole;
        try {
            newRole = MerchantRole.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "role must be OWNER, DEVELOPER or VIEWER.", "role");
        }
        MerchantUser user = newUser(owner.merchantId(), address, password, newRole);
        audit.info("event=MERCHANT_USER_ADDED merchant_id={} user_id={} role={} by={}", owner.merchantId(),
                user.getUserId(), newRole, owner.userId());
        return view(user);
    }

    /**
     * The owner switches one of its merchant's users off or on again. A disabled user cannot log in and its tokens are
     * refused from the next call on (the interceptor reads the user row on every call). Owners cannot disable
     * themselves, so a merchant never locks out its last owner by accident; another merchant's user is a 404.
     */
    @Transactional
    public UserView setDisabled(PortalUser owner, String userId, boolean disabled) {
        owner.require(MerchantRole.OWNER);
        MerchantUser user = userId == null ? null : users.findById(userId).orElse(null);
        if (user == null || !user.getMerchantId().equals(owner.merchantId())) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such user of this merchant.", "user_id");
        }
        if (user.getUserId().equals(owner.userId())) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "An owner cannot disable its own login.", "user_id");
        }
        if (user.isDisabled() != disabled) {
            users.update(null, Wrappers.<MerchantUser>lambdaUpdate()
                    .set(MerchantUser::getDisabledAt, disabled ? LocalDateTime.now(clock) : null)
                    .eq(MerchantUser::getUserId, userId));
            audit.info("event=MERCHANT_USER_{} merchant_id={} user_id={} by={}", disabled ? "DISABLED" : "ENABLED",
                    owner.merchantId(), userId, owner.userId());
        }
        return view(users.findById(userId).orElseThrow());
    }

    public List<UserView> users(PortalUser user) {
        return users.ofMerchant(user.merchantId()).stream().map(PortalAccounts::view).toList();
    }

    private MerchantUser newUser(String merchantId, String email, String password, MerchantRole role) {
        MerchantUser user = new MerchantUser();
        user.setUserId(newId("mu_"));
        user.setMerchantId(merchantId);
        user.setEmail(email);
        user.setPasswordHash(passwords.encode(password));
        user.setRole(role);
        try {
            users.insert(user);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.EMAIL_TAKEN, "This email already has a portal login.", "email");
        }
        return user;
    }

    private static UserView view(MerchantUser user) {
        return new UserView(user.getUserId(), user.getEmail(), user.getRole(), user.isDisabled(),
                user.getCreatedAt() == null ? null : user.getCreatedAt().atOffset(ZoneOffset.UTC));
    }

    private static String email(String email) {
        String address = email == null ? "" : email.strip();
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "email must be an email address.", "email");
        }
        return address;
    }

    private static void password(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "password must be at least " + MIN_PASSWORD_LENGTH + " characters.", "password");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > LoginAnswer.MAX_PASSWORD_BYTES) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "password must be at most 72 bytes.", "password");
        }
        if (password.equalsIgnoreCase(email)) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "password must not be the email.", "password");
        }
    }

    static String newId(String prefix) {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return prefix + new String(id);
    }
}
