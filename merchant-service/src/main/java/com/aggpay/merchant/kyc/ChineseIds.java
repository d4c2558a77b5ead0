package com.aggpay.merchant.kyc;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The check characters of the two identifiers a Chinese merchant's KYC carries. Pure functions, no I/O. */
public final class ChineseIds {

    /** GB 32100-2015: the 31 characters a unified social credit code is written in (no I, O, S, V, Z). */
    private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    /** GB 11643-1999: the resident identity number's weights and the check character for each remainder mod 11. */
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern ID_NUMBER = Pattern.compile("[1-9][0-9]{16}[0-9X]");

    private ChineseIds() {
    }

    /** An 18-character unified social credit code (upper case) whose last character is its check character. */
    public static boolean isValidUscc(String code) {
        if (code == null || !USCC.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARACTERS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == USCC_CHARACTERS.charAt(check);
    }

    /**
     * An 18-digit resident identity number (final {@code X} upper case) with a real date of birth, not in the future,
     * and the right check character.
     */
    public static boolean isValidIdNumber(String number, LocalDate today) {
        if (number == null || !ID_NUMBER.matcher(number).matches()) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (born.isAfter(today) || born.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return number.charAt(17) == ID_CHECK.charAt(sum % 11);
    }
}
