package dev.muru.storage;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

import java.util.List;

/**
 * Checks a batch of morsels against a table's schema and constraints before any row is
 * written, so that a failing INSERT or COPY leaves the table untouched.
 */
final class MorselValidator {
    private MorselValidator() {
    }

    /** Validates every live row of every morsel; returns the number of live rows. */
    static long validate(Schema schema, List<Morsel> morsels) {
        return validate(schema, morsels, null);
    }

    /**
     * As {@link #validate(Schema, List)}, checking declared string lengths only in the columns
     * {@code lengthChecked} marks (null: all of them).
     */
    static long validate(Schema schema, List<Morsel> morsels, boolean[] lengthChecked) {
        long rows = 0;
        for (Morsel m : morsels) {
            validateShape(schema, m);
            for (int c = 0; c < schema.size(); c++) {
                Column col = schema.column(c);
                ColumnVector v = m.column(c);
                if (!col.nullable()) {
                    checkNotNull(col, v, m);
                }
                DataType t = col.type();
                if (t.isString() && t.length() != DataType.UNBOUNDED && (lengthChecked == null || lengthChecked[c])) {
                    checkLength(t, (StringVector) v, m);
                }
            }
            rows += m.size();
        }
        return rows;
    }

    private static void validateShape(Schema schema, Morsel m) {
        if (m.columnCount() != schema.size()) {
            throw new MuruException(ErrorCode.INSERT_COLUMN_MISMATCH,
                    "table has " + schema.size() + " columns but the rows have " + m.columnCount());
        }
        for (int c = 0; c < schema.size(); c++) {
            ColumnVector v = m.column(c);
            DataType expected = schema.type(c);
            if (!expected.equals(v.type())) {
                throw new MuruException(ErrorCode.DATATYPE_MISMATCH, "column \"" + schema.name(c)
                        + "\" is of type " + expected + " but the value is of type " + v.type());
            }
            if (!fitsPhysical(v, expected)) {
                throw new MuruException(ErrorCode.INTERNAL_ERROR, "column \"" + schema.name(c)
                        + "\" of type " + expected + " is held in a " + v.getClass().getSimpleName());
            }
            if (v.length() < m.positions()) {
                throw new MuruException(ErrorCode.INTERNAL_ERROR, "column \"" + schema.name(c)
                        + "\" has " + v.length() + " positions, the morsel claims " + m.positions());
            }
        }
        // Bad positions would fail half-way through the copy; reject them while nothing is written.
        int[] sel = m.selection();
        if (sel == null) {
            if (m.size() > m.positions()) {
                throw new MuruException(ErrorCode.INTERNAL_ERROR,
                        "morsel size " + m.size() + " exceeds its " + m.positions() + " positions");
            }
        } else {
            if (m.size() > sel.length) {
                throw new MuruException(ErrorCode.INTERNAL_ERROR,
                        "morsel size " + m.size() + " exceeds its selection of " + sel.length);
            }
            for (int i = 0; i < m.size(); i++) {
                if (sel[i] < 0 || sel[i] >= m.positions()) {
                    throw new MuruException(ErrorCode.INTERNAL_ERROR,
                            "selection position " + sel[i] + " outside [0, " + m.positions() + ")");
                }
            }
        }
    }

    private static boolean fitsPhysical(ColumnVector v, DataType t) {
        switch (t.physical()) {
            case LONG: return v instanceof LongVector;
            case INT: return v instanceof IntVector;
            case DOUBLE: return v instanceof DoubleVector;
            case BOOLEAN: return v instanceof BooleanVector;
            case STRING: return v instanceof StringVector;
            default: return false;
        }
    }

    private static void checkNotNull(Column col, ColumnVector v, Morsel m) {
        String[] strings = v instanceof StringVector s ? s.values() : null;
        if (!v.hasNulls() && strings == null) {
            return;
        }
        for (int i = 0; i < m.size(); i++) {
            int p = m.position(i);
            if (v.isNull(p) || (strings != null && strings[p] == null)) {
                throw notNullViolation(col.name());
            }
        }
    }

    static MuruException notNullViolation(String column) {
        return new MuruException(ErrorCode.NOT_NULL_VIOLATION,
                "null value in column \"" + column + "\" violates not-null constraint");
    }

    private static void checkLength(DataType t, StringVector v, Morsel m) {
        String[] values = v.values();
        int max = t.length();
        for (int i = 0; i < m.size(); i++) {
            int p = m.position(i);
            String s = values[p];
            if (s != null && !v.isNull(p) && tooLong(s, max)) {
                throw tooLong(t);
            }
        }
    }

    /** Length in characters (code points), as PostgreSQL counts it. */
    static boolean tooLong(String s, int max) {
        return s.length() > max && s.codePointCount(0, s.length()) > max;
    }

    static MuruException tooLong(DataType t) {
        return new MuruException(ErrorCode.STRING_TOO_LONG, "value too long for type " + t);
    }
}
