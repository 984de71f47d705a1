package dev.muru.server.demo;

import dev.muru.Muru;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.muru.server.demo.DemoColumn.bigint;
import static dev.muru.server.demo.DemoColumn.character;
import static dev.muru.server.demo.DemoColumn.date;
import static dev.muru.server.demo.DemoColumn.decimal;
import static dev.muru.server.demo.DemoColumn.integer;
import static dev.muru.server.demo.DemoColumn.varchar;

/**
 * Creates the eight TPC-H tables with the specification's names and types and fills them
 * with dbgen-identical rows from {@code io.trino.tpch}, so TPC-H queries give the reference
 * answers. Keys are INTEGER except the order keys (BIGINT: they pass 2^31 at SF 1000);
 * money, quantities, discounts and taxes are DECIMAL(15,2).
 */
public final class TpchDemoData {
    /** Rows per morsel handed to the engine. */
    public static final int MORSEL_ROWS = 65536;
    /** Rows one generator thread produces at least, so small tables stay on one thread. */
    private static final long ROWS_PER_PART = 500_000;

    /** The eight tables: their names, types and how to read each column from a generated row. */
    public static List<DemoTable<?>> tables() {
        return TABLES;
    }

    private static final List<DemoTable<?>> TABLES = List.of(
            new DemoTable<Region>(TpchTable.REGION, 5, false, List.of(
                    integer("r_regionkey", Region::getRegionKey),
                    character("r_name", 25, Region::getName),
                    varchar("r_comment", 152, Region::getComment))),
            new DemoTable<Nation>(TpchTable.NATION, 25, false, List.of(
                    integer("n_nationkey", Nation::getNationKey),
                    character("n_name", 25, Nation::getName),
                    integer("n_regionkey", Nation::getRegionKey),
                    varchar("n_comment", 152, Nation::getComment))),
            new DemoTable<Part>(TpchTable.PART, 200_000, true, List.of(
                    integer("p_partkey", Part::getPartKey),
                    varchar("p_name", 55, Part::getName),
                    character("p_mfgr", 25, Part::getManufacturer),
                    character("p_brand", 10, Part::getBrand),
                    varchar("p_type", 25, Part::getType),
                    integer("p_size", Part::getSize),
                    character("p_container", 10, Part::getContainer),
                    decimal("p_retailprice", Part::getRetailPriceInCents),
                    varchar("p_comment", 23, Part::getComment))),
            new DemoTable<Supplier>(TpchTable.SUPPLIER, 10_000, true, List.of(
                    integer("s_suppkey", Supplier::getSupplierKey),
                    character("s_name", 25, Supplier::getName),
                    varchar("s_address", 40, Supplier::getAddress),
                    integer("s_nationkey", Supplier::getNationKey),
                    character("s_phone", 15, Supplier::getPhone),
                    decimal("s_acctbal", Supplier::getAccountBalanceInCents),
                    varchar("s_comment", 101, Supplier::getComment))),
            new DemoTable<PartSupplier>(TpchTable.PART_SUPPLIER, 800_000, true, List.of(
                    integer("ps_partkey", PartSupplier::getPartKey),
                    integer("ps_suppkey", PartSupplier::getSupplierKey),
                    integer("ps_availqty", PartSupplier::getAvailableQuantity),
                    decimal("ps_supplycost", PartSupplier::getSupplyCostInCents),
                    varchar("ps_comment", 199, PartSupplier::getComment))),
            new DemoTable<Customer>(TpchTable.CUSTOMER, 150_000, true, List.of(
                    integer("c_custkey", Customer::getCustomerKey),
                    varchar("c_name", 25, Customer::getName),
                    varchar("c_address", 40, Customer::getAddress),
                    integer("c_nationkey", Customer::getNationKey),
                    character("c_phone", 15, Customer::getPhone),
                    decimal("c_acctbal", Customer::getAccountBalanceInCents),
                    character("c_mktsegment", 10, Customer::getMarketSegment),
                    varchar("c_comment", 117, Customer::getComment))),
            new DemoTable<Order>(TpchTable.ORDERS, 1_500_000, true, List.of(
                    bigint("o_orderkey", Order::getOrderKey),
                    integer("o_custkey", Order::getCustomerKey),
                    character("o_orderstatus", 1, o -> String.valueOf(o.getOrderStatus())),
                    decimal("o_totalprice", Order::getTotalPriceInCents),
                    date("o_orderdate", Order::getOrderDate),
                    character("o_orderpriority", 15, Order::getOrderPriority),
                    character("o_clerk", 15, Order::getClerk),
                    integer("o_shippriority", Order::getShipPriority),
                    varchar("o_comment", 79, Order::getComment))),
            new DemoTable<LineItem>(TpchTable.LINE_ITEM, 6_001_215, true, List.of(
                    bigint("l_orderkey", LineItem::getOrderKey),
                    integer("l_partkey", LineItem::getPartKey),
                    integer("l_suppkey", LineItem::getSupplierKey),
                    integer("l_linenumber", LineItem::getLineNumber),
                    // The generator's quantity is whole units; DECIMAL(15,2) holds hundredths.
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

    private TpchDemoData() {
    }

    /**
     * Creates and fills the eight tables at {@code scaleFactor} (1 = about 8.7 million rows).
     * Each table is appended in one call, so it is either complete or empty. Prints nothing.
     *
     * @return rows loaded per table, in creation order
     */
    public static Map<String, Long> load(Muru muru, double scaleFactor) {
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "TPC-H scale factor must be positive, got " + scaleFactor);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "muru-tpch-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            for (DemoTable<?> table : TABLES) {
                counts.put(table.name(), loadTable(muru, table, scaleFactor, pool, threads));
            }
        } finally {
            pool.shutdownNow();
        }
        return counts;
    }

    private static <E extends TpchEntity> long loadTable(Muru muru, DemoTable<E> table, double scaleFactor,
                                                        ExecutorService pool, int threads) {
        muru.execute(table.createStatement());
        Schema schema = muru.tableSchema(table.name());
        checkColumns(table, schema);
        long estimated = table.scales() ? (long) Math.ceil(table.rowsAtScale1() * scaleFactor) : table.rowsAtScale1();
        int parts = (int) Math.max(1, Math.min(threads, estimated / ROWS_PER_PART));
        // Parts are contiguous key ranges; concatenating them in part order gives the rows in
        // exactly the order one generator would, so the load is deterministic.
        List<Future<List<Morsel>>> futures = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            int p = part;
            futures.add(pool.submit(() -> generate(table, schema, table.source().createGenerator(scaleFactor, p, parts))));
        }
        List<Morsel> morsels = new ArrayList<>();
        for (Future<List<Morsel>> f : futures) {
            morsels.addAll(await(f));
        }
        return muru.append(table.name(), morsels);
    }

    private static <E extends TpchEntity> List<Morsel> generate(DemoTable<E> table, Schema schema, Iterable<E> rows) {
        List<Morsel> morsels = new ArrayList<>();
        List<E> batch = new ArrayList<>(MORSEL_ROWS);
        for (E row : rows) {
            batch.add(row);
            if (batch.size() == MORSEL_ROWS) {
                morsels.add(morsel(table, schema, batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            morsels.add(morsel(table, schema, batch));
        }
        return morsels;
    }

    private static <E extends TpchEntity> Morsel morsel(DemoTable<E> table, Schema schema, List<E> batch) {
        List<DemoColumn<E>> columns = table.columns();
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        for (int c = 0; c < vectors.length; c++) {
            vectors[c] = columns.get(c).vector(batch, schema.type(c));
        }
        return new Morsel(vectors, batch.size());
    }

    /** The vectors follow the catalog's column order; fail loudly if the catalog disagrees. */
    private static void checkColumns(DemoTable<?> table, Schema schema) {
        List<String> expected = table.columns().stream().map(DemoColumn::name).toList();
        if (!schema.names().equals(expected)) {
            throw new MuruException(ErrorCode.INTERNAL_ERROR, "table " + table.name() + " was created with columns "
                    + schema.names() + ", expected " + expected);
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MuruException(ErrorCode.QUERY_CANCELLED, "TPC-H generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new MuruException(ErrorCode.INTERNAL_ERROR, "TPC-H generation failed: " + cause, cause);
        }
    }
}
