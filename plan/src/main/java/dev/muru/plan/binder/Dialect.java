package dev.muru.plan.binder;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

import java.util.Locale;

/**
 * Whose value rules a statement follows: the session setting {@code compatibility}. Muru's
 * dialect is PostgreSQL's either way; {@link #SQLITE} only changes the few rules where SQLite
 * computes a different value from the same SQL (docs/settings.md lists them), so that SQLite's
 * test corpus (sqllogictest) can be run as SQLite recorded it.
 */
public enum Dialect {
    /** PostgreSQL's rules (the default). */
    POSTGRESQL,
    /**
     * SQLite's rules: integer constants in 64 bits, division of a conditional follows the value it
     * picks, a non-numeric string IN a numeric subquery matches nothing, the rightmost of repeated
     * UPDATE assignments wins, CAST of a fraction to an integer truncates, declared string
     * lengths are not enforced.
     */
    SQLITE;

    /** The setting's value as SHOW prints it. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code 'postgresql'} or {@code 'sqlite'} (any case); else INVALID_SETTING naming {@code what}. */
    public static Dialect parse(String value, String what) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Dialect d : values()) {
            if (d.settingValue().equals(v)) {
                return d;
            }
        }
        throw new MuruException(ErrorCode.INVALID_SETTING, what + " must be 'postgresql' or 'sqlite', got \"" + value + "\"");
    }
}
