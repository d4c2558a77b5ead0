package com.aggpay.router.admin;

import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of an operator's JSON body: the exact JSON type (no "10" for 10, no 1.0 for 1), ranges, and unknown
 * members refused, each failure a 400 naming the field. A typo in a config change must fail, not be ignored.
 */
final class JsonFields {

    private final JsonNode body;

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    static JsonFields of(JsonNode body, Set<String> allowed) {
        if (body == null || !body.isObject()) {
            throw new ApiException(ErrorCode.BODY_MALFORMED, null, "The body must be a JSON object.");
        }
        for (String name : body.propertyNames()) {
            if (!allowed.contains(name)) {
                throw invalid(name, "is not a field of this request");
            }
        }
        return new JsonFields(body);
    }

    boolean has(String field) {
        return body.has(field);
    }

    boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    boolean bool(String field) {
        JsonNode node = required(field);
        if (!node.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return node.booleanValue();
    }

    long integer(String field, long min, long max) {
        JsonNode node = required(field);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw invalid(field, "must be an integer from " + min + " to " + max);
        }
        return node.longValue();
    }

    /** An integer, or JSON null for "no limit". */
    Long nullableInteger(String field, long min, long max) {
        return isNull(field) ? null : integer(field, min, max);
    }

    BigDecimal decimal(String field, BigDecimal min, BigDecimal max, int maxScale) {
        JsonNode node = required(field);
        if (!node.isNumber()) {
            throw invalid(field, "must be a number");
        }
        // A double read from JSON is turned back into its shortest decimal text, not its binary expansion.
        BigDecimal value = node.isIntegralNumber() || node.isBigDecimal() ? node.decimalValue()
                : BigDecimal.valueOf(node.doubleValue());
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > maxScale) {
            throw invalid(field, "must be a number from " + min.toPlainString() + " to " + max.toPlainString()
                    + " with at most " + maxScale + " decimals");
        }
        return value;
    }

    String string(String field, java.util.regex.Pattern pattern, String rule) {
        JsonNode node = required(field);
        if (!node.isString() || !pattern.matcher(node.stringValue()).matches()) {
            throw invalid(field, rule);
        }
        return node.stringValue();
    }

    /** A string, or JSON null / absent for none. */
    String optionalString(String field, java.util.regex.Pattern pattern, String rule) {
        return !has(field) || isNull(field) ? null : string(field, pattern, rule);
    }

    List<String> strings(String field) {
        JsonNode node = required(field);
        if (!node.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isString()) {
                throw invalid(field, "must be an array of strings");
            }
            values.add(item.stringValue());
        }
        return values;
    }

    JsonNode node(String field) {
        return required(field);
    }

    private JsonNode required(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw invalid(field, "is required");
        }
        return node;
    }

    static ApiException invalid(String field, String rule) {
        return new ApiException(ErrorCode.PARAM_INVALID, field, field + " " + rule + ".");
    }
}
