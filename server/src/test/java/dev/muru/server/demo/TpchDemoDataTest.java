package dev.muru.server.demo;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.DataType;
import dev.muru.core.Schema;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TpchDemoDataTest {
    private static final double SF = 0.01;
    private static Muru muru;
    private static Map<String, Long> counts;

    @BeforeAll
    static void load() {
        muru = Muru.start(MuruSettings.load());
        counts = TpchDemoData.load(muru, SF);
    }

    @AfterAll
    static void stop() {
        muru.close();
    }

    @Test
    void rowCountsAtScaleFactorOneHundredth() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("region", 5L);
        expected.put("nation", 25L);
        expected.put("part", 2000L);
        expected.put("supplier", 100L);
        expected.put("partsupp", 8000L);
        expected.put("customer", 1500L);
        expected.put("orders", 15000L);
        expected.put("lineitem", 60175L);
        assertEquals(expected, counts);
        assertEquals(List.copyOf(expected.keySet()).stream().sorted().toList(), muru.tables());
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(e.getValue(), muru.query("select count(*) from " + e.getKey()).rows().get(0)[0], e.getKey());
        }
    }

    @Test
    void specificationTypes() {
        Schema lineitem = muru.tableSchema("lineitem");
        assertEquals(List.of("l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity", "l_extendedprice",
                "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate", "l_receiptdate",
                "l_shipinstruct", "l_shipmode", "l_comment"), lineitem.names());
        assertEquals(DataType.BIGINT, lineitem.type(0));
        assertEquals(DataType.INTEGER, lineitem.type(1));
        assertEquals(DataType.decimal(15, 2), lineitem.type(4));
        assertEquals(DataType.character(1), lineitem.type(8));
        assertEquals(DataType.DATE, lineitem.type(10));
        assertEquals(DataType.character(10), lineitem.type(14));
        assertEquals(DataType.varchar(44), lineitem.type(15));
        assertEquals(DataType.BIGINT, muru.tableSchema("orders").type(0));
        assertEquals(DataType.varchar(25), muru.tableSchema("part").type(4));
        assertEquals(DataType.character(10), muru.tableSchema("customer").type(6));
    }

    @Test
    void firstLineItemMatchesTheGenerator() {
        LineItem first = new LineItemGenerator(SF, 1, 1).iterator().next();
        Object[] row = muru.query("select l_orderkey, l_partkey, l_quantity, l_extendedprice, l_discount, l_tax, "
                + "l_returnflag, l_shipdate, l_shipmode, l_comment from lineitem "
                + "where l_orderkey = 1 and l_linenumber = 1").rows().get(0);
        assertArrayEquals(new Object[] {
            first.getOrderKey(), (int) first.getPartKey(), BigDecimal.valueOf(first.getQuantity() * 100, 2),
            BigDecimal.valueOf(first.getExtendedPriceInCents(), 2), BigDecimal.valueOf(first.getDiscountPercent(), 2),
            BigDecimal.valueOf(first.getTaxPercent(), 2), first.getReturnFlag(), LocalDate.ofEpochDay(first.getShipDate()),
            first.getShipMode(), first.getComment()}, row);
        assertEquals(new BigDecimal("24710.35"), row[3]);
        assertEquals(LocalDate.of(1996, 3, 13), row[7]);
    }

    @Test
    void tpchQuery6MatchesAnExactSumOverTheGenerator() {
        long expectedCents4 = 0; // sum of price(cents) * discount(percent): scale 4
        LocalDate from = LocalDate.of(1994, 1, 1);
        LocalDate to = LocalDate.of(1995, 1, 1);
        for (LineItem l : new LineItemGenerator(SF, 1, 1)) {
            LocalDate ship = LocalDate.ofEpochDay(l.getShipDate());
            if (!ship.isBefore(from) && ship.isBefore(to) && l.getDiscountPercent() >= 5 && l.getDiscountPercent() <= 7
                    && l.getQuantity() < 24) {
                expectedCents4 += l.getExtendedPriceInCents() * l.getDiscountPercent();
            }
        }
        Object revenue = muru.query("select sum(l_extendedprice * l_discount) as revenue from lineitem "
                + "where l_shipdate >= date '1994-01-01' and l_shipdate < date '1995-01-01' "
                + "and l_discount between 0.05 and 0.07 and l_quantity < 24").rows().get(0)[0];
        assertEquals(0, BigDecimal.valueOf(expectedCents4, 4).compareTo((BigDecimal) revenue), String.valueOf(revenue));
    }

    @Test
    void orderDatesSpanTheSpecificationRange() {
        Object[] row = muru.query("select min(o_orderdate), max(o_orderdate) from orders").rows().get(0);
        assertArrayEquals(new Object[] {LocalDate.of(1992, 1, 1), LocalDate.of(1998, 8, 2)}, row);
    }
}
