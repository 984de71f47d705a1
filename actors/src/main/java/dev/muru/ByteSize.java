package dev.muru;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

import java.util.Locale;

/** Byte sizes as settings write them: "512", "64MB", "1.5GB" (powers of 1000), "64MiB" (powers of 1024). */
public final class ByteSize {
    private ByteSize() {
    }

    public static long parse(String text, String setting) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        String number = t.substring(0, i);
        String unit = t.substring(i);
        long factor;
        switch (unit) {
            case "": case "B": factor = 1; break;
            case "KB": factor = 1000L; break;
            case "MB": factor = 1000L * 1000; break;
            case "GB": factor = 1000L * 1000 * 1000; break;
            case "TB": factor = 1000L * 1000 * 1000 * 1000; break;
            case "K": case "KIB": factor = 1L << 10; break;
            case "M": case "MIB": factor = 1L << 20; break;
            case "G": case "GIB": factor = 1L << 30; break;
            case "T": case "TIB": factor = 1L << 40; break;
            default: factor = -1;
        }
        try {
            if (factor > 0 && !number.isEmpty()) {
                double v = Double.parseDouble(number) * factor;
                if (v >= 0 && v < Long.MAX_VALUE) {
                    return (long) v;
                }
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw new MuruException(ErrorCode.INVALID_SETTING, setting
                + " must be a size such as 512MB, 2GB or 1GiB, got \"" + text + "\"");
    }

    /** A size for people: "64.0 MB", "1.50 GB", "512 bytes". */
    public static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        if (bytes < 1000L * 1000) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        }
        if (bytes < 1000L * 1000 * 1000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
