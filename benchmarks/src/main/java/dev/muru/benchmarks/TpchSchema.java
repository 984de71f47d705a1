package dev.muru.benchmarks;

import io.trino.tpch.Customer;
import io.trino.tpch.LineItem;
import io.trino.tpch.Nation;
import io.trino.tpch.Order;
import io.trino.tpch.Part;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.Region;
import io.trino.tpch.Supplier;
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

    static final List<Table<?>> TABLES = List.of(
            new Table<Region>(TpchTable.REGION, 5, false, List.of(
                    integer("r_regionkey", Region::getRegionKey),
                    character("r_name", 25, Region::getName),
                    varchar("r_comment", 152, Region::getComment))),
            new Table<Nation>(TpchTable.NATION, 25, false, List.of(
                    integer("n_nationkey", Nation::getNationKey),
                    character("n_name", 25, Nation::getName),
                    integer("n_regionkey", Nation::getRegionKey),
                    varchar("n_comment", 152, Nation::getComment))),
            new Table<Part>(TpchTable.PART, 200_000, true, List.of(
                    integer("p_partkey", Part::getPartKey),
                    varchar("p_name", 55, Part::getName),
                    character("p_mfgr", 25, Part::getManufacturer),
                    character("p_brand", 10, Part::getBrand),
                    varchar("p_type", 25, Part::getType),
                    integer("p_size", Part::getSize),
                    character("p_container", 10, Part::getContainer),
                    decimal("p_retailprice", Part::getRetailPriceInCents),
                    varchar("p_comment", 23, Part::getComment))),
            new Table<Supplier>(TpchTable.SUPPLIER, 10_000, true, List.of(
                    integer("s_suppkey", Supplier::getSupplierKey),
                    character("s_name", 25, Supplier::getName),
                    varchar("s_address", 40, Supplier::getAddress),
                    integer("s_nationkey", Supplier::getNationKey),
                    character("s_phone", 15, Supplier::getPhone),
                    decimal("s_acctbal", Supplier::getAccountBalanceInCents),
                    varchar("s_comment", 101, Supplier::getComment))),
            new Table<PartSupplier>(TpchTable.PART_SUPPLIER, 800_000, true, List.of(
                    integer("ps_partkey", PartSupplier::getPartKey),
                    integer("ps_suppkey", PartSupplier::getSupplierKey),
                    integer("ps_availqty", PartSupplier::getAvailableQuantity),
                    decimal("ps_supplycost", PartSupplier::getSupplyCostInCents),
                    varchar("ps_comment", 199, PartSupplier::getComment))),
            new Table<Customer>(TpchTable.CUSTOMER, 150_000, true, List.of(
                    integer("c_custkey", Customer::getCustomerKey),
                    varchar("c_name", 25, Customer::getName),
                    varchar("c_address", 40, Customer::getAddress),
                    integer("c_nationkey", Customer::getNationKey),
                    character("c_phone", 15, Customer::getPhone),
                    decimal("c_acctbal", Customer::getAccountBalanceInCents),
                    character("c_mktsegment", 10, Customer::getMarketSegment),
                    varchar("c_comment", 117, Customer::getComment))),
            new Table<Order>(TpchTable.ORDERS, 1_500_000, true, List.of(
                    bigint("o_orderkey", Order::getOrderKey),
                    integer("o_custkey", Order::getCustomerKey),
                    character("o_orderstatus", 1, o -> String.valueOf(o.getOrderStatus())),
                    decimal("o_totalprice", Order::getTotalPriceInCents),
                    date("o_orderdate", Order::getOrderDate),
                    character("o_orderpriority", 15, Order::getOrderPriority),
                    character("o_clerk", 15, Order::getClerk),
                    integer("o_shippriority", Order::getShipPriority),
                    varchar("o_comment", 79, Order::getComment))),
            new Table<LineItem>(TpchTable.LINE_ITEM, 6_001_215, true, List.of(
                    bigint("l_orderkey", LineItem::getOrderKey),
                    integer("l_partkey", LineItem::getPartKey),
                    integer("l_suppkey", LineItem::getSupplierKey),
                    integer("l_linenumber", LineItem::getLineNumber),
                    // whole units from the generator; DECIMAL(15,2) holds hundredths
                    decimal("l_quantity", l -> l.getQuantity() * 100),
                    decimal("l_extendedprice", LineItem::getExtendedPriceInCents),
                    decimal("l_discount", LineItem::getDiscountPercent),
                    decimal("l_tax", LineItem::getTaxPercent),
                    character("l_returnflag", 1, LineItem::getReturnFlag),
                    character("l_linestatus", 1, LineItem::getStatus),
                    date("l_shipdate", LineItem::getShipDate),
                    date("l_commitdate", LineItem::getCommitDate),
                    date("l_receiptdate", LineItem::getReceiptDate),
                    character("l_shipinstruct", 25, LineItem::getShipInstructions),
                    character("l_shipmode", 10, LineItem::getShipMode),
                    varchar("l_comment", 44, LineItem::getComment))));

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

    private static <E> Col<E> integer(String name, ToLongFunction<E> v) {
        return new Col<>(name, Kind.INTEGER, 0, v, null);
    }

    private static <E> Col<E> bigint(String name, ToLongFunction<E> v) {
        return new Col<>(name, Kind.BIGINT, 0, v, null);
    }

    private static <E> Col<E> decimal(String name, ToLongFunction<E> hundredths) {
        return new Col<>(name, Kind.DECIMAL, 0, hundredths, null);
    }

    private static <E> Col<E> date(String name, ToLongFunction<E> epochDays) {
        return new Col<>(name, Kind.DATE, 0, epochDays, null);
    }

    private static <E> Col<E> character(String name, int length, Function<E, String> v) {
        return new Col<>(name, Kind.CHAR, length, null, v);
    }

    private static <E> Col<E> varchar(String name, int length, Function<E, String> v) {
        return new Col<>(name, Kind.VARCHAR, length, null, v);
    }
}
