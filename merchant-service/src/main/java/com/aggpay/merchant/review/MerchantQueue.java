package com.aggpay.merchant.review;

import com.aggpay.merchant.merchant.Merchant;
import com.aggpay.merchant.merchant.MerchantState;
import com.aggpay.merchant.merchant.Merchants;
import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Merchants for operators, oldest first (a review queue is worked from its front), by keyset: the cursor is the last
 * row's (created_at, merchant_id), so a page costs the same on the millionth merchant as on the first
 * (index {@code idx_merchant_state}).
 */
@Service
class MerchantQueue {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern MERCHANT_ID = Pattern.compile("mer_[a-z0-9_]{1,28}");

    record Page(List<MerchantView> items, String nextCursor) {
    }

    private record Cursor(LocalDateTime createdAt, String merchantId) {
    }

    private final Merchants merchants;

    MerchantQueue(Merchants merchants) {
        this.merchants = merchants;
    }

    Page page(MerchantState state, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "limit must be 1 to " + MAX_LIMIT + ".", "limit");
        }
        LambdaQueryWrapper<Merchant> query = Wrappers.<Merchant>lambdaQuery();
        if (state != null) {
            query.eq(Merchant::getState, state);
        }
        if (cursor != null && !cursor.isBlank()) {
            Cursor after = decode(cursor);
            query.and(keyset -> keyset.gt(Merchant::getCreatedAt, after.createdAt()).or(same -> same
                    .eq(Merchant::getCreatedAt, after.createdAt()).gt(Merchant::getMerchantId, after.merchantId())));
        }
        query.orderByAsc(Merchant::getCreatedAt).orderByAsc(Merchant::getMerchantId).last("LIMIT " + (size + 1));
        List<Merchant> rows = merchants.selectList(query);
        boolean more = rows.size() > size;
        List<Merchant> page = more ? rows.subList(0, size) : rows;
        String next = more ? encode(page.get(page.size() - 1)) : null;
        return new Page(page.stream().map(MerchantView::of).toList(), next);
    }

    private static String encode(Merchant last) {
        String raw = last.getCreatedAt().toInstant(ZoneOffset.UTC).toEpochMilli() + "|" + last.getMerchantId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            String merchantId = raw.substring(bar + 1);
            if (bar < 1 || !MERCHANT_ID.matcher(merchantId).matches()) {
                throw new IllegalArgumentException();
            }
            long millis = Long.parseLong(raw.substring(0, bar));
            return new Cursor(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC), merchantId);
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "cursor is not one this API returned.", "cursor");
        }
    }
}
