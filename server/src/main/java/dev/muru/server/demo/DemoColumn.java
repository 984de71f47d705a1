package dev.muru.server.demo;

import dev.muru.core.DataType;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.StringVector;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One column of a demo table: its SQL name and type and how to read it from a generated
 * TPC-H row. Money and percentages come from the generator's exact integer accessors (cents,
 * percent), so DECIMAL values are exact scaled longs with no double rounding.
 */
public final class DemoColumn<E> {
    private static final DataType MONEY = DataType.decimal(15, 2);

    private final String name;
    private final DataType type;
    private final ToIntFunction<E> ints;
    private final ToLongFunction<E> longs;
    private final Function<E, String> strings;

    private DemoColumn(String name, DataType type, ToIntFunction<E> ints, ToLongFunction<E> longs,
                       Function<E, String> strings) {
        this.name = name;
        this.type = type;
        this.ints = ints;
        this.longs = longs;
        this.strings = strings;
    }

    /** An INTEGER column; TPC-H keys are generated as longs but fit an int up to SF 1000+. */
    static <E> DemoColumn<E> integer(String name, ToLongFunction<E> value) {
        return new DemoColumn<>(name, DataType.INTEGER, e -> Math.toIntExact(value.applyAsLong(e)), null, null);
    }

    static <E> DemoColumn<E> bigint(String name, ToLongFunction<E> value) {
        return new DemoColumn<>(name, DataType.BIGINT, null, value, null);
    }

    /** A DECIMAL(15,2) column from a value already scaled by 100 (cents, percent). */
    static <E> DemoColumn<E> decimal(String name, ToLongFunction<E> hundredths) {
        return new DemoColumn<>(name, MONEY, null, hundredths, null);
    }

    /** A DATE column from days since 1970-01-01, which is what the generator returns. */
    static <E> DemoColumn<E> date(String name, ToIntFunction<E> epochDays) {
        return new DemoColumn<>(name, DataType.DATE, epochDays, null, null);
    }

    static <E> DemoColumn<E> character(String name, int length, Function<E, String> value) {
        return new DemoColumn<>(name, DataType.character(length), null, null, value);
    }

    static <E> DemoColumn<E> varchar(String name, int length, Function<E, String> value) {
        return new DemoColumn<>(name, DataType.varchar(length), null, null, value);
    }

    public String name() {
        return name;
    }

    public DataType type() {
        return type;
    }

    /** A numeric column's value for a row: the integer, the hundredths of a DECIMAL, a DATE's epoch day. */
    public long number(E row) {
        return ints != null ? ints.applyAsInt(row) : longs.applyAsLong(row);
    }

    /** A text column's value for a row. */
    public String text(E row) {
        return strings.apply(row);
    }

    /** The column definition in CREATE TABLE; TPC-H columns are all NOT NULL. */
    String definition() {
        return name + " " + type + " NOT NULL";
    }

    /** The vector of this column for a batch of rows, typed as the engine's catalog has it. */
    ColumnVector vector(List<E> rows, DataType catalogType) {
        int n = rows.size();
        switch (catalogType.physical()) {
            case INT: {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = ints != null ? ints.applyAsInt(rows.get(i)) : Math.toIntExact(longs.applyAsLong(rows.get(i)));
                }
                return new IntVector(catalogType, v, null);
            }
            case LONG: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = longs != null ? longs.applyAsLong(rows.get(i)) : ints.applyAsInt(rows.get(i));
                }
                return new LongVector(catalogType, v, null);
            }
            case STRING: {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = strings.apply(rows.get(i));
                }
                return new StringVector(catalogType, v, null);
            }
            default:
                throw new IllegalStateException(name + ": no demo data for " + catalogType);
        }
    }
}
