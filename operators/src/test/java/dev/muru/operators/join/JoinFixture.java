package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.VectorBuilder;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.JoinKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds join inputs from boxed rows and checks a join against a naive nested-loop reference. */
final class JoinFixture {
    private JoinFixture() {
    }

    static Object[] row(Object... values) {
        return values;
    }

    /** A dense morsel of {@code rows} (a Java null is a SQL NULL). */
    static Morsel morsel(List<DataType> types, List<Object[]> rows) {
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int c = 0; c < cols.length; c++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                values.add(r[c]);
            }
            cols[c] = VectorBuilder.of(types.get(c), values);
        }
        return new Morsel(cols, rows.size());
    }

    /**
     * A morsel whose live rows are {@code rows}, behind a selection vector, with a filler row (a
     * copy of {@code filler}, which would match if it were live) around each live one.
     */
    static Morsel selected(List<DataType> types, List<Object[]> rows, Object[] filler) {
        List<Object[]> physical = new ArrayList<>();
        int[] sel = new int[rows.size()];
        physical.add(filler);
        for (int i = 0; i < rows.size(); i++) {
            sel[i] = physical.size();
            physical.add(rows.get(i));
            physical.add(filler);
        }
        return morsel(types, physical).withSelection(sel, rows.size());
    }

    /** Splits rows into morsels of at most {@code size} rows; a selection vector on every other one. */
    static List<Morsel> split(List<DataType> types, List<Object[]> rows, int size, boolean selections,
                              Object[] filler) {
        List<Morsel> out = new ArrayList<>();
        int idx = 0;
        for (int from = 0; from < rows.size(); from += size) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + size));
            out.add(selections && (idx++ % 2 == 1) ? selected(types, part, filler) : morsel(types, part));
        }
        return out;
    }

    /** A table built from {@code sinks} lists of morsels, each list fed to its own sink. */
    static JoinTable table(List<DataType> types, int[] keys, int partitions, List<List<Morsel>> sinks) {
        List<JoinBuildSink> built = new ArrayList<>();
        for (List<Morsel> ms : sinks) {
            JoinBuildSink s = new JoinBuildSink(keys, types, partitions);
            for (Morsel m : ms) {
                s.add(m);
            }
            built.add(s);
        }
        JoinHashTable[] parts = new JoinHashTable[partitions];
        for (int p = 0; p < partitions; p++) {
            parts[p] = JoinTable.buildPartition(built, p);
        }
        return new JoinTable(parts, keys, types);
    }

    /** Distributes build rows round-robin over {@code sinkCount} sinks in morsels of {@code size}. */
    static JoinTable table(List<DataType> types, int[] keys, int partitions, List<Object[]> rows, int sinkCount,
                           int size, boolean selections, Object[] filler) {
        List<List<Object[]>> perSink = new ArrayList<>();
        for (int s = 0; s < sinkCount; s++) {
            perSink.add(new ArrayList<>());
        }
        for (int i = 0; i < rows.size(); i++) {
            perSink.get(i % sinkCount).add(rows.get(i));
        }
        List<List<Morsel>> morsels = new ArrayList<>();
        for (List<Object[]> r : perSink) {
            morsels.add(split(types, r, size, selections, filler));
        }
        return table(types, keys, partitions, morsels);
    }

    /** Everything one probe emits for {@code input}, plus the unmatched build rows for RIGHT/FULL. */
    static List<Object[]> run(JoinTable table, JoinKind kind, int[] probeKeys, List<DataType> probeTypes,
                              BoundExpr residual, boolean nullAware, int maxOutputRows, List<Morsel> input) {
        HashJoinProbe probe = new HashJoinProbe(table, kind, probeKeys, probeTypes, residual, nullAware, maxOutputRows);
        List<Object[]> out = new ArrayList<>();
        int width = probe.outputTypes().size();
        for (Morsel m : input) {
            List<Object[]> before = m.rows();
            probe.probe(m, o -> {
                checkOutput(o, width, maxOutputRows);
                out.addAll(o.rows());
            });
            assertEquals(rowStrings(before), rowStrings(m.rows()), "input morsel changed");
        }
        if (kind.emitsMatchedRight()) {
            for (Morsel o : table.matchedRows(maxOutputRows)) {
                checkOutput(o, width, maxOutputRows);
                out.addAll(o.rows());
            }
        }
        if (kind.emitsUnmatchedRight()) {
            for (Morsel o : table.unmatchedRows(kind.keepsOnlyRight() ? List.of() : probeTypes, maxOutputRows)) {
                checkOutput(o, width, maxOutputRows);
                out.addAll(o.rows());
            }
        }
        return out;
    }

    static void checkOutput(Morsel o, int width, int maxOutputRows) {
        assertTrue(o.size() > 0 && o.size() <= maxOutputRows, "chunk of " + o.size() + " rows");
        assertNull(o.selection());
        assertEquals(o.size(), o.positions());
        assertEquals(width, o.columnCount());
        for (int c = 0; c < width; c++) {
            assertTrue(o.column(c).length() >= o.size());
        }
    }

    /**
     * The naive nested-loop answer. {@code residual} maps the concatenated row to TRUE, FALSE or
     * null (unknown); null means no residual.
     */
    static List<Object[]> reference(JoinKind kind, List<Object[]> probe, List<Object[]> build, int[] probeKeys,
                                    int[] buildKeys, Function<Object[], Boolean> residual, boolean nullAware,
                                    int probeWidth, int buildWidth) {
        List<Object[]> out = new ArrayList<>();
        boolean[] buildMatched = new boolean[build.size()];
        boolean buildNull = false;
        for (Object[] b : build) {
            buildNull |= hasNull(b, buildKeys);
        }
        for (Object[] p : probe) {
            boolean matched = false;
            boolean probeNull = hasNull(p, probeKeys);
            for (int j = 0; j < build.size(); j++) {
                Object[] b = build.get(j);
                if (probeNull || hasNull(b, buildKeys)) {
                    continue;
                }
                boolean eq = true;
                for (int k = 0; k < probeKeys.length; k++) {
                    eq &= sqlEquals(p[probeKeys[k]], b[buildKeys[k]]);
                }
                if (!eq) {
                    continue;
                }
                Object[] joined = concat(p, b);
                if (residual != null && !Boolean.TRUE.equals(residual.apply(joined))) {
                    continue;
                }
                matched = true;
                buildMatched[j] = true;
                if (kind == JoinKind.INNER || kind == JoinKind.LEFT || kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
                    out.add(joined);
                }
            }
            switch (kind) {
                case LEFT:
                case FULL:
                    if (!matched) {
                        out.add(concat(p, new Object[buildWidth]));
                    }
                    break;
                case SEMI:
                    if (matched) {
                        out.add(p);
                    }
                    break;
                case ANTI: {
                    boolean keep = nullAware ? build.isEmpty() || (!probeNull && !matched && !buildNull) : !matched;
                    if (keep) {
                        out.add(p);
                    }
                    break;
                }
                case MARK: {
                    Boolean mark;
                    if (matched) {
                        mark = true;
                    } else if (!nullAware || build.isEmpty()) {
                        mark = false;
                    } else if (probeNull || buildNull) {
                        mark = null;
                    } else {
                        mark = false;
                    }
                    out.add(concat(p, new Object[]{mark}));
                    break;
                }
                default:
                    break;
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            for (int j = 0; j < build.size(); j++) {
                if (!buildMatched[j]) {
                    out.add(concat(new Object[probeWidth], build.get(j)));
                }
            }
        }
        if (kind.keepsOnlyRight()) {
            for (int j = 0; j < build.size(); j++) {
                if (buildMatched[j] == (kind == JoinKind.RIGHT_SEMI)) {
                    out.add(build.get(j));
                }
            }
        }
        return out;
    }

    static boolean hasNull(Object[] row, int[] keys) {
        for (int k : keys) {
            if (row[k] == null) {
                return true;
            }
        }
        return false;
    }

    static boolean sqlEquals(Object a, Object b) {
        if (a instanceof Double && b instanceof Double) {
            double x = (Double) a;
            double y = (Double) b;
            return x == y || (Double.isNaN(x) && Double.isNaN(y));
        }
        return a.equals(b);
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Rows as sorted strings: a multiset to compare. -0.0 prints as 0.0 so either side may win. */
    static List<String> rowStrings(List<Object[]> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(Arrays.toString(r).replace("-0.0", "0.0"));
        }
        Collections.sort(out);
        return out;
    }

    static void assertSameRows(List<Object[]> expected, List<Object[]> actual, String message) {
        assertEquals(rowStrings(expected), rowStrings(actual), message);
    }

    /** Random small ints in [0, range) with NULLs at rate nullRate. */
    static Integer randomInt(Random rnd, int range, double nullRate) {
        return rnd.nextDouble() < nullRate ? null : rnd.nextInt(range);
    }
}
