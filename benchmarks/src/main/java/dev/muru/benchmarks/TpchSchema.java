package dev.muru.benchmarks;

import dev.muru.core.DataType;
import dev.muru.server.demo.DemoColumn;
import dev.muru.server.demo.DemoTable;
import dev.muru.server.demo.TpchDemoData;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The eight TPC-H tables as the JDBC engines create them: the same names, column order and
 * types as Muru's {@code dev.muru.server.demo.TpchDemoData} (INTEGER keys, BIGINT order keys,
 * DECIMAL(15,2) money/quantity/discount/tax, DATE dates, CHAR/VARCHAR text, all NOT NULL), read
 * from the same {@code io.trino.tpch} generator accessors, so every engine holds identical data.
 */
final class TpchSchema {
    enum Kind { INTEGER, BIGINT, DECIMAL, DATE, CHAR, VARCHAR }

    /** A column; numeric kinds read {@code num} (DECIMAL: hundredths, DATE: epoch days), text kinds {@code str}. */
    record Col<E>(String name, Kind kind, int length, ToLongFunction<E> num, Function<E, String> str) {
        String sqlType(boolean charAsVarchar) {
            switch (kind) {
                case CHAR:
                    return (charAsVarchar ? "VARCHAR" : "CHAR") + "(" + length + ")";
                case DECIMAL:
                    return "DECIMAL(15,2)";
                case VARCHAR:
                    return kind + "(" + length + ")";
                default:
                    return kind.name();
            }
        }
    }

    record Table<E extends TpchEntity>(TpchTable<E> source, long rowsAtScale1, boolean scales, List<Col<E>> cols) {
        String name() {
            return source.getTableName();
        }

        /**
         * The CREATE TABLE; {@code charAsVarchar} for H2, whose blank-padded CHAR does not match
         * unpadded literals in IN lists (TPC-H Q12, Q19). DuckDB's CHAR already is VARCHAR.
         */
        String createStatement(boolean charAsVarchar) {
            return cols.stream().map(c -> c.name() + " " + c.sqlType(charAsVarchar) + " NOT NULL")
                    .collect(Collectors.joining(", ", "CREATE TABLE " + name() + " (", ")"));
        }

        long estimatedRows(double sf) {
            return scales ? (long) Math.ceil(rowsAtScale1 * sf) : rowsAtScale1;
        }
    }

    /** The demo's tables (same names, types and generated values as Muru's), seen by the JDBC loaders. */
    static final List<Table<?>> TABLES = TpchDemoData.tables().stream().<Table<?>>map(TpchSchema::table).toList();

    private static <E extends TpchEntity> Table<E> table(DemoTable<E> t) {
        List<Col<E>> cols = new java.util.ArrayList<>();
        for (DemoColumn<E> c : t.columns()) {
            DataType type = c.type();
            switch (type.kind()) {
                case INTEGER: cols.add(new Col<>(c.name(), Kind.INTEGER, 0, c::number, null)); break;
                case BIGINT: cols.add(new Col<>(c.name(), Kind.BIGINT, 0, c::number, null)); break;
                case DECIMAL: cols.add(new Col<>(c.name(), Kind.DECIMAL, 0, c::number, null)); break;
                case DATE: cols.add(new Col<>(c.name(), Kind.DATE, 0, c::number, null)); break;
                case CHAR: cols.add(new Col<>(c.name(), Kind.CHAR, type.length(), null, c::text)); break;
                default: cols.add(new Col<>(c.name(), Kind.VARCHAR, type.length(), null, c::text)); break;
            }
        }
        return new Table<>(t.source(), t.rowsAtScale1(), t.scales(), cols);
    }

    /**
     * Primary keys and indexes on the join (foreign-key) columns, for H2 only: H2 has no hash
     * join, and without indexes it joins by nested loops.
     */
    static final List<String> H2_INDEXES = List.of(
            "ALTER TABLE region ADD PRIMARY KEY (r_regionkey)",
            "ALTER TABLE nation ADD PRIMARY KEY (n_nationkey)",
            "ALTER TABLE part ADD PRIMARY KEY (p_partkey)",
            "ALTER TABLE supplier ADD PRIMARY KEY (s_suppkey)",
            "ALTER TABLE partsupp ADD PRIMARY KEY (ps_partkey, ps_suppkey)",
            "ALTER TABLE customer ADD PRIMARY KEY (c_custkey)",
            "ALTER TABLE orders ADD PRIMARY KEY (o_orderkey)",
            "ALTER TABLE lineitem ADD PRIMARY KEY (l_orderkey, l_linenumber)",
            "CREATE INDEX nation_regionkey ON nation (n_regionkey)",
            "CREATE INDEX supplier_nationkey ON supplier (s_nationkey)",
            "CREATE INDEX partsupp_suppkey ON partsupp (ps_suppkey)",
            "CREATE INDEX customer_nationkey ON customer (c_nationkey)",
            "CREATE INDEX orders_custkey ON orders (o_custkey)",
            "CREATE INDEX lineitem_part_supp ON lineitem (l_partkey, l_suppkey)",
            "CREATE INDEX lineitem_suppkey ON lineitem (l_suppkey)");

    private TpchSchema() {
    }
}
