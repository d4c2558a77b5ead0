package com.aggpay.merchant.kyc;

import java.util.Locale;
import java.util.Set;

/**
 * What a merchant sells, as the KYC form asks it. Channel-router gives an approved merchant the default contracts of
 * its category (aggpay.router.default-contracts there), so names are stored and sent as they are: never rename one.
 */
public enum BusinessCategory {
    RETAIL("零售", "retail", "shop", "store"),
    CATERING("餐饮", "餐饮美食", "美食", "catering", "restaurant", "food"),
    GROCERY("生鲜超市", "超市", "便利店", "grocery", "supermarket"),
    ONLINE_SERVICES("线上服务", "互联网", "online", "online services", "internet"),
    EDUCATION("教育培训", "教育", "education", "training"),
    TRAVEL("旅游出行", "旅游", "出行", "travel", "transport"),
    ENTERTAINMENT("休闲娱乐", "娱乐", "entertainment", "leisure"),
    HEALTHCARE("医疗健康", "医疗", "healthcare", "health"),
    OTHER("其他", "other");

    private final Set<String> names;

    BusinessCategory(String... names) {
        this.names = Set.of(names);
    }

    /**
     * The category a KYC form names: its code (any case), or one of its usual Chinese or English names. The field is
     * a choice in the portal; an API client that sends another description gets OTHER, which the operator reviewing
     * the KYC sees and can have corrected. Null for blank input.
     */
    public static BusinessCategory parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (BusinessCategory category : values()) {
            if (category.name().equalsIgnoreCase(text.replace(' ', '_')) || category.names.contains(lower)
                    || category.names.contains(text)) {
                return category;
            }
        }
        return OTHER;
    }
}
