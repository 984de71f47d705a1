package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.expr.Function;
import dev.muru.plan.logical.JoinKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.muru.operators.join.JoinFixture.assertSameRows;
import static dev.muru.operators.join.JoinFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashJoinTest {
    private static final DataType INT = DataType.INTEGER;
    private static final List<DataType> PROBE_TYPES = List.of(INT, INT, DataType.VARCHAR);
    private static final List<DataType> BUILD_TYPES = List.of(INT, DataType.BIGINT, DataType.VARCHAR);
    private static final int[] PROBE_KEY = {1};
    private static final int[] BUILD_KEY = {0};

    private static final List<Object[]> PROBE = List.of(
            row(1, 1, "a"), row(2, 2, "b"), row(3, 2, "c"), row(4, null, "d"), row(5, 9, "e"));
    private static final List<Object[]> BUILD = List.of(
            row(1, 10L, "x"), row(2, 20L, "y"), row(2, 21L, "z"), row(3, 30L, "w"), row(null, 99L, "n"));
    private static final List<Object[]> BUILD_NO_NULL = BUILD.subList(0, 4);

    private static final List<Object[]> INNER = List.of(
            row(1, 1, "a", 1, 10L, "x"),
            row(2, 2, "b", 2, 20L, "y"), row(2, 2, "b", 2, 21L, "z"),
            row(3, 2, "c", 2, 20L, "y"), row(3, 2, "c", 2, 21L, "z"));
    private static final List<Object[]> LEFT_EXTRA = List.of(
            row(4, null, "d", null, null, null), row(5, 9, "e", null, null, null));
    private static final List<Object[]> RIGHT_EXTRA = List.of(
            row(null, null, null, 3, 30L, "w"), row(null, null, null, null, 99L, "n"));

    private static List<Object[]> plus(List<Object[]> a, List<Object[]> b) {
        List<Object[]> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Object[]> probeRows(int... ids) {
        List<Object[]> out = new ArrayList<>();
        for (int id : ids) {
            out.add(PROBE.get(id - 1));
        }
        return out;
    }

    private static List<Object[]> marks(Boolean... marks) {
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < marks.length; i++) {
            out.add(JoinFixture.concat(PROBE.get(i), new Object[]{marks[i]}));
        }
        return out;
    }

    /** Runs the fixed example with several partitionings, sink counts, selections and chunk sizes. */
    private static void checkExample(JoinKind kind, boolean nullAware, List<Object[]> build, List<Object[]> expected) {
        for (int partitions : new int[]{1, 3, 8}) {
            for (int sinks = 1; sinks <= 3; sinks++) {
                for (boolean selections : new boolean[]{false, true}) {
                    for (int maxRows : new int[]{1, 2, 1024}) {
                        JoinTable table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, partitions, build, sinks, 2,
                                selections, row(2, -1L, "filler"));
                        List<Morsel> input = JoinFixture.split(PROBE_TYPES, PROBE, 2, selections, row(-1, 2, "f"));
                        List<Object[]> actual = JoinFixture.run(table, kind, PROBE_KEY, PROBE_TYPES, null, nullAware,
                                maxRows, input);
                        assertSameRows(expected, actual, kind + " P=" + partitions + " sinks=" + sinks
                                + " sel=" + selections + " max=" + maxRows);
                    }
                }
            }
        }
    }

    @Test
    void innerWithDuplicatesAndNullKeys() {
        checkExample(JoinKind.INNER, false, BUILD, INNER);
    }

    @Test
    void leftKeepsUnmatchedAndNullKeyedProbeRows() {
        checkExample(JoinKind.LEFT, false, BUILD, plus(INNER, LEFT_EXTRA));
    }

    @Test
    void rightKeepsUnmatchedAndNullKeyedBuildRows() {
        checkExample(JoinKind.RIGHT, false, BUILD, plus(INNER, RIGHT_EXTRA));
    }

    @Test
    void fullKeepsBothSides() {
        checkExample(JoinKind.FULL, false, BUILD, plus(plus(INNER, LEFT_EXTRA), RIGHT_EXTRA));
    }

    @Test
    void semiEmitsEachMatchingProbeRowOnce() {
        checkExample(JoinKind.SEMI, false, BUILD, probeRows(1, 2, 3));
    }

    @Test
    void antiNotExists() {
        checkExample(JoinKind.ANTI, false, BUILD, probeRows(4, 5));
        checkExample(JoinKind.ANTI, false, BUILD_NO_NULL, probeRows(4, 5));
    }

    @Test
    void antiNotInFollowsNullRules() {
        checkExample(JoinKind.ANTI, true, BUILD, probeRows());
        checkExample(JoinKind.ANTI, true, BUILD_NO_NULL, probeRows(5));
        checkExample(JoinKind.ANTI, true, List.of(), probeRows(1, 2, 3, 4, 5));
    }

    @Test
    void markExists() {
        checkExample(JoinKind.MARK, false, BUILD, marks(true, true, true, false, false));
        checkExample(JoinKind.MARK, false, List.of(), marks(false, false, false, false, false));
    }

    @Test
    void markInFollowsNullRules() {
        checkExample(JoinKind.MARK, true, BUILD, marks(true, true, true, null, null));
        checkExample(JoinKind.MARK, true, BUILD_NO_NULL, marks(true, true, true, null, false));
        checkExample(JoinKind.MARK, true, List.of(), marks(false, false, false, false, false));
    }

    @ParameterizedTest
    @EnumSource(JoinKind.class)
    void emptyBuildSide(JoinKind kind) {
        List<Object[]> expected;
        switch (kind) {
            case LEFT:
            case FULL:
                expected = plus(List.of(row(1, 1, "a", null, null, null), row(2, 2, "b", null, null, null),
                        row(3, 2, "c", null, null, null)), LEFT_EXTRA);
                break;
            case ANTI:
                expected = probeRows(1, 2, 3, 4, 5);
                break;
            case MARK:
                expected = marks(false, false, false, false, false);
                break;
            default:
                expected = List.of();
        }
        checkExample(kind, false, List.of(), expected);
        // A sink that saw no rows at all and one that saw an empty morsel.
        JoinBuildSink empty = new JoinBuildSink(BUILD_KEY, BUILD_TYPES, 4);
        JoinBuildSink emptyMorsel = new JoinBuildSink(BUILD_KEY, BUILD_TYPES, 4);
        emptyMorsel.add(Morsel.empty(BUILD_TYPES));
        JoinTable table = JoinTable.build(List.of(empty, emptyMorsel));
        assertEquals(0, table.rows());
        assertFalse(table.hasNullKey());
        assertSameRows(expected, JoinFixture.run(table, kind, PROBE_KEY, PROBE_TYPES, null, false, 3,
                List.of(JoinFixture.morsel(PROBE_TYPES, PROBE))), kind.name());
    }

    @Test
    void tableReportsRowsAndNullKeys() {
        JoinTable table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 3, BUILD, 2, 2, true, row(1, 0L, "f"));
        assertEquals(5, table.rows());
        assertTrue(table.hasNullKey());
        assertEquals(BUILD_TYPES, table.columnTypes());
        long sum = 0;
        for (int p = 0; p < table.partitionCount(); p++) {
            sum += table.partition(p).rows();
        }
        assertEquals(5, sum);
        JoinTable noNull = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 3, BUILD_NO_NULL, 2, 2, true, row(null, 0L, "f"));
        assertEquals(4, noNull.rows());
        assertFalse(noNull.hasNullKey());
    }

    @Test
    void rightUnmatchedRowsAfterSeveralProbes() {
        JoinTable table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 3, BUILD, 2, 2, false, null);
        List<Object[]> out = new ArrayList<>();
        for (Object[] p : PROBE) {
            HashJoinProbe probe = new HashJoinProbe(table, JoinKind.RIGHT, PROBE_KEY, PROBE_TYPES, null, false, 10);
            probe.probe(JoinFixture.morsel(PROBE_TYPES, List.<Object[]>of(p)), m -> out.addAll(m.rows()));
        }
        assertSameRows(INNER, out, "matched part");
        List<Morsel> unmatched = table.unmatchedRows(PROBE_TYPES, 1);
        assertEquals(2, unmatched.size());
        List<Object[]> rest = new ArrayList<>();
        unmatched.forEach(m -> rest.addAll(m.rows()));
        assertSameRows(RIGHT_EXTRA, rest, "unmatched");
    }

    @Test
    void outputIsChunked() {
        List<Object[]> build = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            build.add(row(2, (long) i, "v" + i));
        }
        JoinTable table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 1, build, 1, 100, false, null);
        HashJoinProbe probe = new HashJoinProbe(table, JoinKind.INNER, PROBE_KEY, PROBE_TYPES, null, false, 3);
        List<Integer> sizes = new ArrayList<>();
        probe.probe(JoinFixture.morsel(PROBE_TYPES, PROBE), m -> sizes.add(m.size()));
        assertEquals(List.of(3, 3, 3, 3, 2), sizes); // 2 probe rows x 7 = 14 pairs
        HashJoinProbe mark = new HashJoinProbe(table, JoinKind.MARK, PROBE_KEY, PROBE_TYPES, null, false, 2);
        sizes.clear();
        mark.probe(JoinFixture.morsel(PROBE_TYPES, PROBE), m -> sizes.add(m.size()));
        assertEquals(List.of(2, 2, 1), sizes);
        HashJoinProbe semi = new HashJoinProbe(table, JoinKind.SEMI, PROBE_KEY, PROBE_TYPES, null, false, 2);
        sizes.clear();
        semi.probe(JoinFixture.morsel(PROBE_TYPES, List.<Object[]>of(row(9, 9, "q"))), m -> sizes.add(m.size()));
        assertEquals(List.of(), sizes); // no output, no call
    }

    // ---- residual conditions

    private static final List<DataType> RP_TYPES = List.of(INT, INT, INT);   // id, k, x
    private static final List<DataType> RB_TYPES = List.of(INT, INT, DataType.VARCHAR);   // k, y, name

    private static BoundExpr less(int left, int right) {
        return new BoundExpr.Call(Function.LESS, List.of(new BoundExpr.InputRef(left, INT),
                new BoundExpr.InputRef(right, INT)), DataType.BOOLEAN);
    }

    private static Boolean lessRef(Object a, Object b) {
        return a == null || b == null ? null : (Integer) a < (Integer) b;
    }

    @ParameterizedTest
    @EnumSource(JoinKind.class)
    void residualProbeColumnLessThanBuildColumn(JoinKind kind) {
        List<Object[]> probe = List.of(row(1, 1, 5), row(2, 1, 50), row(3, 2, null), row(4, null, 1), row(5, 2, 0),
                row(6, 3, 7));
        List<Object[]> build = List.of(row(1, 10, "a"), row(1, 20, "b"), row(2, null, "c"), row(2, 3, "d"),
                row(null, 100, "e"), row(3, 7, "f"));
        for (boolean nullAware : new boolean[]{false, true}) {
            List<Object[]> expected = JoinFixture.reference(kind, probe, build, new int[]{1}, new int[]{0},
                    r -> lessRef(r[2], r[4]), nullAware, 3, 3);
            for (int partitions : new int[]{1, 3, 8}) {
                for (int maxRows : new int[]{1, 4, 1000}) {
                    JoinTable table = JoinFixture.table(RB_TYPES, new int[]{0}, partitions, build, 2, 2, true,
                            row(1, 1000, "filler"));
                    List<Object[]> actual = JoinFixture.run(table, kind, new int[]{1}, RP_TYPES, less(2, 4), nullAware,
                            maxRows, JoinFixture.split(RP_TYPES, probe, 4, true, row(0, 1, -5)));
                    assertSameRows(expected, actual, kind + " nullAware=" + nullAware + " P=" + partitions);
                }
            }
        }
        // Spot-check INNER by hand: (1,1,5) pairs with y=10 and y=20; (2,1,50) with none; (5,2,0) with y=3;
        // (6,3,7) with none (7 < 7 is false).
        if (kind == JoinKind.INNER) {
            assertSameRows(List.of(row(1, 1, 5, 1, 10, "a"), row(1, 1, 5, 1, 20, "b"), row(5, 2, 0, 2, 3, "d")),
                    JoinFixture.reference(kind, probe, build, new int[]{1}, new int[]{0}, r -> lessRef(r[2], r[4]),
                            false, 3, 3), "reference");
        }
    }

    @ParameterizedTest
    @EnumSource(JoinKind.class)
    void constantResiduals(JoinKind kind) {
        BoundExpr alwaysFalse = new BoundExpr.Constant(false, DataType.BOOLEAN);
        BoundExpr alwaysNull = new BoundExpr.Constant(null, DataType.BOOLEAN);
        BoundExpr alwaysTrue = new BoundExpr.Constant(true, DataType.BOOLEAN);
        for (boolean nullAware : new boolean[]{false, true}) {
            JoinTable table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 2, BUILD, 1, 10, false, null);
            List<Morsel> in = List.of(JoinFixture.morsel(PROBE_TYPES, PROBE));
            assertSameRows(JoinFixture.reference(kind, PROBE, BUILD, PROBE_KEY, BUILD_KEY, r -> false, nullAware, 3, 3),
                    JoinFixture.run(table, kind, PROBE_KEY, PROBE_TYPES, alwaysFalse, nullAware, 10, in), "false");
            table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 2, BUILD, 1, 10, false, null);
            assertSameRows(JoinFixture.reference(kind, PROBE, BUILD, PROBE_KEY, BUILD_KEY, r -> null, nullAware, 3, 3),
                    JoinFixture.run(table, kind, PROBE_KEY, PROBE_TYPES, alwaysNull, nullAware, 10, in), "null");
            table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 2, BUILD, 1, 10, false, null);
            assertSameRows(JoinFixture.reference(kind, PROBE, BUILD, PROBE_KEY, BUILD_KEY, null, nullAware, 3, 3),
                    JoinFixture.run(table, kind, PROBE_KEY, PROBE_TYPES, alwaysTrue, nullAware, 10, in), "true");
        }
    }

    @ParameterizedTest
    @EnumSource(JoinKind.class)
    void zeroKeysIsANestedLoopJoin(JoinKind kind) {
        List<Object[]> probe = List.of(row(1, 1, 5), row(2, null, 50), row(3, 2, null), row(4, 2, 0));
        List<Object[]> build = List.of(row(1, 10, "a"), row(2, 1, "b"), row(null, 6, "c"), row(5, null, "d"));
        for (BoundExpr residual : new BoundExpr[]{null, less(2, 4)}) {
            for (int partitions : new int[]{1, 3}) {
                for (boolean nullAware : new boolean[]{false, true}) {
                    List<Object[]> expected = JoinFixture.reference(kind, probe, build, new int[0], new int[0],
                            residual == null ? null : r -> lessRef(r[2], r[4]), nullAware, 3, 3);
                    JoinTable table = JoinFixture.table(RB_TYPES, new int[0], partitions, build, 2, 1, true,
                            row(0, 0, "f"));
                    assertEquals(0, table.partitionCount() > 1 ? table.partition(1).rows() : 0);
                    List<Object[]> actual = JoinFixture.run(table, kind, new int[0], RP_TYPES, residual, nullAware, 3,
                            JoinFixture.split(RP_TYPES, probe, 3, true, row(9, 9, 9)));
                    assertSameRows(expected, actual, kind + " residual=" + residual + " P=" + partitions);
                }
            }
        }
        if (kind == JoinKind.INNER) {
            JoinTable table = JoinFixture.table(RB_TYPES, new int[0], 1, build, 1, 10, false, null);
            assertEquals(16, JoinFixture.run(table, kind, new int[0], RP_TYPES, null, false, 5,
                    List.of(JoinFixture.morsel(RP_TYPES, probe))).size());
        }
    }

    // ---- key types

    @Test
    void multiColumnAndStringKeys() {
        List<DataType> pTypes = List.of(DataType.VARCHAR, INT, DataType.BIGINT);
        List<DataType> bTypes = List.of(DataType.BIGINT, DataType.VARCHAR, INT);
        List<Object[]> probe = List.of(row("a", 1, 1L), row("a", 2, 2L), row("b", 1, 3L), row(null, 1, 4L),
                row("a", null, 5L), row("", 0, 6L), row("é", 7, 7L));
        List<Object[]> build = List.of(row(10L, "a", 1), row(11L, "a", 1), row(12L, "b", 2), row(13L, null, 1),
                row(14L, "", 0), row(15L, "é", 7), row(16L, "b", null));
        int[] pk = {0, 1};
        int[] bk = {1, 2};
        for (JoinKind kind : JoinKind.values()) {
            for (boolean nullAware : new boolean[]{false, true}) {
                List<Object[]> expected = JoinFixture.reference(kind, probe, build, pk, bk, null, nullAware, 3, 3);
                for (int partitions : new int[]{1, 3, 8}) {
                    JoinTable table = JoinFixture.table(bTypes, bk, partitions, build, 3, 2, true, row(0L, "a", 1));
                    assertSameRows(expected, JoinFixture.run(table, kind, pk, pTypes, null, nullAware, 2,
                            JoinFixture.split(pTypes, probe, 3, true, row("a", 1, -1L))), kind + " P=" + partitions);
                }
            }
        }
        JoinTable table = JoinFixture.table(bTypes, bk, 3, build, 3, 2, true, row(0L, "a", 1));
        assertSameRows(List.of(row("a", 1, 1L, 10L, "a", 1), row("a", 1, 1L, 11L, "a", 1), row("", 0, 6L, 14L, "", 0),
                        row("é", 7, 7L, 15L, "é", 7)),
                JoinFixture.run(table, JoinKind.INNER, pk, pTypes, null, false, 100,
                        List.of(JoinFixture.morsel(pTypes, probe))), "inner");
        // A single string key too.
        JoinTable byName = JoinFixture.table(bTypes, new int[]{1}, 3, build, 2, 3, false, null);
        List<Object[]> expected = JoinFixture.reference(JoinKind.INNER, probe, build, new int[]{0}, new int[]{1}, null,
                false, 3, 3);
        assertEquals(10, expected.size());
        assertSameRows(expected, JoinFixture.run(byName, JoinKind.INNER, new int[]{0}, pTypes, null, false, 3,
                List.of(JoinFixture.morsel(pTypes, probe))), "string key");
    }

    @Test
    void everyKeyType() {
        DataType dec = DataType.decimal(10, 2);
        DataType chr = DataType.character(3);
        List<DataType> types = List.of(DataType.BIGINT, DataType.DATE, dec, DataType.DOUBLE, DataType.BOOLEAN, chr, INT);
        List<Object[]> probe = List.of(
                row(1L, 100, 150L, 0.0, true, "ab", 1),
                row(Long.MAX_VALUE, -5, -1L, -0.0, false, "x", 2),
                row(-7L, 0, 0L, Double.NaN, null, null, 3),
                row(null, null, null, null, true, "ab", 4),
                row(3L, 100, 150L, 1.5, false, "zz", 5));
        List<Object[]> build = List.of(
                row(1L, 100, 150L, -0.0, true, "ab", 10),
                row(Long.MAX_VALUE, -5, -1L, 0.0, false, "x", 20),
                row(-7L, 0, 0L, Double.NaN, false, "x", 30),
                row(1L, 101, 149L, 2.5, true, "ab", 40),
                row(null, 100, null, null, null, null, 50));
        List<Object[]> probeBoxed = JoinFixture.morsel(types, probe).rows();
        List<Object[]> buildBoxed = JoinFixture.morsel(types, build).rows();
        for (int key = 0; key < 6; key++) {
            int[] keys = {key};
            for (JoinKind kind : JoinKind.values()) {
                for (boolean nullAware : new boolean[]{false, true}) {
                    List<Object[]> expected = JoinFixture.reference(kind, probeBoxed, buildBoxed, keys, keys, null,
                            nullAware, 7, 7);
                    for (int partitions : new int[]{1, 8}) {
                        JoinTable table = JoinFixture.table(types, keys, partitions, build, 2, 2, true, build.get(0));
                        assertSameRows(expected, JoinFixture.run(table, kind, keys, types, null, nullAware, 3,
                                JoinFixture.split(types, probe, 2, true, build.get(1))),
                                kind + " key " + types.get(key) + " P=" + partitions);
                    }
                }
            }
        }
        // -0.0 joins 0.0 and NaN joins NaN.
        JoinTable byDouble = JoinFixture.table(types, new int[]{3}, 1, build, 1, 10, false, null);
        List<Object[]> out = JoinFixture.run(byDouble, JoinKind.INNER, new int[]{3}, types, null, false, 100,
                List.of(JoinFixture.morsel(types, probe)));
        assertEquals(5, out.size());
        // All six columns at once.
        int[] all = {0, 1, 2, 3, 4, 5};
        JoinTable byAll = JoinFixture.table(types, all, 3, build, 2, 2, false, null);
        out = JoinFixture.run(byAll, JoinKind.INNER, all, types, null, false, 100,
                List.of(JoinFixture.morsel(types, probe)));
        assertSameRows(JoinFixture.reference(JoinKind.INNER, probeBoxed, buildBoxed, all, all, null, false, 7, 7), out,
                "all");
        assertEquals(2, out.size());
    }

    @Test
    void mismatchedKeyTypesAreRejected() {
        JoinTable table = JoinFixture.table(BUILD_TYPES, BUILD_KEY, 1, BUILD, 1, 10, false, null);
        assertThrows(IllegalArgumentException.class, () -> new HashJoinProbe(table, JoinKind.INNER, new int[]{2},
                PROBE_TYPES, null, false, 10));
        assertThrows(IllegalArgumentException.class, () -> new HashJoinProbe(table, JoinKind.INNER, new int[]{0, 1},
                PROBE_TYPES, null, false, 10));
    }

    // ---- scale, concurrency and randomized comparison

    @Test
    void manyRowsWithDuplicatesAndResidual() {
        Random rnd = new Random(7);
        List<Object[]> build = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            build.add(row(rnd.nextInt(50), rnd.nextInt(1000), "b" + i));
        }
        List<Object[]> probe = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            probe.add(row(i, rnd.nextInt(60), rnd.nextInt(1000)));
        }
        for (JoinKind kind : JoinKind.values()) {
            for (BoundExpr residual : new BoundExpr[]{null, less(2, 4)}) {
                List<Object[]> expected = JoinFixture.reference(kind, probe, build, new int[]{1}, new int[]{0},
                        residual == null ? null : r -> lessRef(r[2], r[4]), false, 3, 3);
                JoinTable table = JoinFixture.table(RB_TYPES, new int[]{0}, 4, build, 3, 256, true, row(1, 1, "f"));
                assertSameRows(expected, JoinFixture.run(table, kind, new int[]{1}, RP_TYPES, residual, false, 1000,
                        JoinFixture.split(RP_TYPES, probe, 128, true, row(-1, 1, 1))), kind + " " + residual);
            }
        }
    }

    @Test
    void uniqueShuffledIdsJoinOneToOne() {
        int n = 200_000;
        Random rnd = new Random(3);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        List<DataType> bTypes = List.of(INT, DataType.BIGINT);
        List<DataType> pTypes = List.of(INT, INT);
        int morsel = 2048;
        List<JoinBuildSink> sinks = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            sinks.add(new JoinBuildSink(new int[]{0}, bTypes, 4));
        }
        for (int from = 0, m = 0; from < n; from += morsel, m++) {
            int cnt = Math.min(morsel, n - from);
            int[] k = Arrays.copyOfRange(ids, from, from + cnt);
            long[] v = new long[cnt];
            for (int i = 0; i < cnt; i++) {
                v[i] = k[i] * 3L;
            }
            sinks.get(m % 2).add(new Morsel(new dev.muru.core.vector.ColumnVector[]{
                    new dev.muru.core.vector.IntVector(INT, k, null),
                    new dev.muru.core.vector.LongVector(DataType.BIGINT, v, null)}, cnt));
        }
        JoinTable table = JoinTable.build(sinks);
        assertEquals(n, table.rows());
        HashJoinProbe probe = new HashJoinProbe(table, JoinKind.INNER, new int[]{1}, pTypes, null, false, morsel);
        long[] acc = new long[3];
        for (int from = 0; from < n + 1000; from += morsel) {
            int cnt = Math.min(morsel, n + 1000 - from);
            int[] key = new int[cnt];
            int[] val = new int[cnt];
            for (int i = 0; i < cnt; i++) {
                key[i] = from + i + 1; // n+1 .. n+1000 do not match
                val[i] = 1;
            }
            probe.probe(new Morsel(new dev.muru.core.vector.ColumnVector[]{
                    new dev.muru.core.vector.IntVector(INT, val, null),
                    new dev.muru.core.vector.IntVector(INT, key, null)}, cnt), m -> {
                acc[0] += m.size();
                int[] pk = ((dev.muru.core.vector.IntVector) m.column(1)).values();
                int[] bk = ((dev.muru.core.vector.IntVector) m.column(2)).values();
                long[] bv = ((dev.muru.core.vector.LongVector) m.column(3)).values();
                for (int i = 0; i < m.size(); i++) {
                    assertEquals(pk[i], bk[i]);
                    acc[1] += bv[i];
                }
            });
        }
        assertEquals(n, acc[0]);
        assertEquals(3L * n * (n + 1) / 2, acc[1]);
    }

    @Test
    void concurrentProbesSetMatchedFlags() throws Exception {
        Random rnd = new Random(11);
        List<Object[]> build = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            build.add(row(rnd.nextDouble() < 0.05 ? null : rnd.nextInt(3000), i, "b" + i));
        }
        List<Object[]> probe = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            probe.add(row(i, rnd.nextInt(3000), rnd.nextInt(3000)));
        }
        for (JoinKind kind : new JoinKind[]{JoinKind.RIGHT, JoinKind.FULL}) {
            List<Object[]> expected = JoinFixture.reference(kind, probe, build, new int[]{1}, new int[]{0},
                    r -> lessRef(r[2], r[4] == null ? null : (Integer) r[4] * 2), false, 3, 3);
            JoinTable table = JoinFixture.table(RB_TYPES, new int[]{0}, 8, build, 3, 100, false, null);
            BoundExpr residual = new BoundExpr.Call(Function.LESS, List.of(new BoundExpr.InputRef(2, INT),
                    new BoundExpr.Call(Function.MULTIPLY, List.of(new BoundExpr.InputRef(4, INT),
                            new BoundExpr.Constant(2, INT)), INT)), DataType.BOOLEAN);
            List<Morsel> input = JoinFixture.split(RP_TYPES, probe, 250, true, row(0, 0, 0));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Object[]>>> futures = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int worker = w;
                    futures.add(pool.submit(() -> {
                        HashJoinProbe p = new HashJoinProbe(table, kind, new int[]{1}, RP_TYPES, residual, false, 300);
                        List<Object[]> out = new ArrayList<>();
                        for (int m = worker; m < input.size(); m += 4) {
                            p.probe(input.get(m), o -> out.addAll(o.rows()));
                        }
                        return out;
                    }));
                }
                List<Object[]> actual = new ArrayList<>();
                for (Future<List<Object[]>> f : futures) {
                    actual.addAll(f.get());
                }
                for (Morsel m : table.unmatchedRows(RP_TYPES, 300)) {
                    actual.addAll(m.rows());
                }
                assertSameRows(expected, actual, kind.name());
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void randomizedAgainstNestedLoops() {
        Random rnd = new Random(20240601);
        List<DataType> pTypes = List.of(INT, INT, INT, INT);     // id, k1, k2, x
        List<DataType> bTypes = List.of(INT, INT, INT, INT);     // k1, k2, y, id
        int cases = 0;
        for (int iter = 0; iter < 400; iter++) {
            int keyCount = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(2);
            int range = 1 + rnd.nextInt(8);
            double nullRate = rnd.nextInt(3) == 0 ? 0 : 0.15;
            List<Object[]> probe = new ArrayList<>();
            int pn = rnd.nextInt(40);
            for (int i = 0; i < pn; i++) {
                probe.add(row(i, JoinFixture.randomInt(rnd, range, nullRate), JoinFixture.randomInt(rnd, range, nullRate),
                        JoinFixture.randomInt(rnd, 10, 0.1)));
            }
            List<Object[]> build = new ArrayList<>();
            int bn = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(40);
            for (int i = 0; i < bn; i++) {
                build.add(row(JoinFixture.randomInt(rnd, range, nullRate), JoinFixture.randomInt(rnd, range, nullRate),
                        JoinFixture.randomInt(rnd, 10, 0.1), 100 + i));
            }
            int[] pk = keyCount == 0 ? new int[0] : keyCount == 1 ? new int[]{1} : new int[]{1, 2};
            int[] bk = keyCount == 0 ? new int[0] : keyCount == 1 ? new int[]{0} : new int[]{0, 1};
            boolean withResidual = rnd.nextBoolean();
            BoundExpr residual = withResidual ? less(3, 6) : null;
            int partitions = new int[]{1, 2, 3, 8}[rnd.nextInt(4)];
            int sinks = 1 + rnd.nextInt(3);
            int morselSize = 1 + rnd.nextInt(16);
            boolean selections = rnd.nextBoolean();
            int maxRows = new int[]{1, 2, 3, 7, 1000}[rnd.nextInt(5)];
            for (JoinKind kind : JoinKind.values()) {
                for (boolean nullAware : new boolean[]{false, true}) {
                    if (nullAware && kind != JoinKind.ANTI && kind != JoinKind.MARK) {
                        continue;
                    }
                    List<Object[]> expected = JoinFixture.reference(kind, probe, build, pk, bk,
                            withResidual ? r -> lessRef(r[3], r[6]) : null, nullAware, 4, 4);
                    JoinTable table = JoinFixture.table(bTypes, bk, partitions, build, sinks, morselSize, selections,
                            row(1, 1, 100, -1));
                    List<Object[]> actual = JoinFixture.run(table, kind, pk, pTypes, residual, nullAware, maxRows,
                            JoinFixture.split(pTypes, probe, morselSize, selections, row(-1, 1, 1, -1)));
                    assertSameRows(expected, actual, "iter " + iter + " " + kind + " nullAware=" + nullAware
                            + " keys=" + keyCount + " residual=" + withResidual + " P=" + partitions);
                    cases++;
                }
            }
        }
        assertTrue(cases > 3000);
    }
}
