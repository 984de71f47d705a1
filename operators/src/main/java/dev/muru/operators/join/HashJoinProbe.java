package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.operators.expr.ConstantFolding;
import dev.muru.operators.expr.ExpressionCompiler;
import dev.muru.operators.expr.FilterKernel;
import dev.muru.operators.expr.VectorExpression;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.JoinKind;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Probes a {@link JoinTable} with one worker's morsels. One instance per worker (not
 * thread-safe: it keeps scratch arrays and a compiled residual); many instances probe the same
 * table concurrently.
 *
 * <p>Per morsel it hashes all live keys first, then walks each row's bucket, collecting
 * key-equal (probe row, partition, build row) candidates into a buffer. Without a residual the
 * candidates are the matches and the buffer is the output buffer; with one, full buffers are
 * evaluated as a concatenated morsel (only the columns the residual reads are gathered) and the
 * pairs where it is TRUE kept. SEMI/ANTI/MARK without a residual stop at a row's first match.
 * One fixed-width key column (INTEGER, DATE, BIGINT, DECIMAL, DOUBLE, BOOLEAN) compares
 * primitive longs; other keys compare their hash, then each column.
 */
public final class HashJoinProbe {
    private static final int MIN_CANDIDATES = 1024;

    private final JoinTable table;
    private final JoinKind kind;
    private final int[] probeKeys;
    private final List<DataType> probeTypes;
    private final boolean nullAware;
    private final int maxOutputRows;

    private final JoinHashTable[] parts;
    private final int partCount;
    private final int keyCount;
    private final boolean[] stringKey;
    private final boolean singleFixed;
    private final List<DataType> buildTypes;
    /** Per build column, that column of every partition. */
    private final ColumnVector[][] partColumns;

    private final VectorExpression residual;
    private final boolean neverMatches;
    private final boolean[] residualReads;
    private final ColumnVector[] placeholders;

    private final boolean pairs;
    private final boolean markRows;
    private final boolean markBuild;

    // Per-morsel scratch, grown as needed.
    private long[] hashes = new long[0];
    private boolean[] keyNull = new boolean[0];
    private boolean[] rowMatched = new boolean[0];
    private final long[][] longKeys;
    private final String[][] stringKeys;
    /** The key arrays the candidate loops read: owned scratch or a borrowed input vector's values. */
    private final long[][] currentKeys;
    private int[] positions = new int[0];
    private int[] rangeFrom = new int[0];
    private int[] rangeTo = new int[0];
    private int[] rangePart = new int[0];

    private final int candCap;
    private final int[] candProbe;
    private final int[] candPart;
    private final int[] candRow;
    private final int[] candSel;
    private final int[] outProbe;
    private final int[] outPart;
    private final int[] outRow;
    private int outCount;
    private boolean outMissing;

    private Morsel in;
    private Consumer<Morsel> sink;

    /**
     * @param probeKeys     key column indexes in the probe morsel: as many as the table's key
     *                      columns, with the same types
     * @param residual      null, or a BOOLEAN expression over the concatenated row (probe columns
     *                      then build columns); a pair matches only when it is TRUE
     * @param nullAware     for ANTI (NOT IN) and MARK (IN): SQL's NULL rules for IN lists
     * @param maxOutputRows the most rows per emitted morsel
     */
    public HashJoinProbe(JoinTable table, JoinKind kind, int[] probeKeys, List<DataType> probeTypes,
                         BoundExpr residual, boolean nullAware, int maxOutputRows) {
        if (maxOutputRows < 1) {
            throw new IllegalArgumentException("maxOutputRows must be at least 1: " + maxOutputRows);
        }
        if (probeKeys.length != table.keyCount()) {
            throw new IllegalArgumentException("probe has " + probeKeys.length + " key columns, the table "
                    + table.keyCount());
        }
        this.table = table;
        this.kind = kind;
        this.probeKeys = probeKeys.clone();
        this.probeTypes = List.copyOf(probeTypes);
        this.nullAware = nullAware;
        this.maxOutputRows = maxOutputRows;
        this.parts = table.partitions();
        this.partCount = parts.length;
        this.keyCount = probeKeys.length;
        this.buildTypes = table.columnTypes();
        this.stringKey = new boolean[keyCount];
        for (int k = 0; k < keyCount; k++) {
            DataType pt = this.probeTypes.get(probeKeys[k]);
            DataType bt = buildTypes.get(table.keyColumn(k));
            if (pt.physical() != bt.physical()) {
                throw new IllegalArgumentException("join key " + k + " is " + pt + " on the probe side but "
                        + bt + " on the build side");
            }
            stringKey[k] = JoinKeys.isString(pt);
        }
        this.singleFixed = keyCount == 1 && !stringKey[0];
        this.longKeys = new long[keyCount][];
        this.stringKeys = new String[keyCount][];
        this.currentKeys = new long[keyCount][];
        this.partColumns = new ColumnVector[buildTypes.size()][partCount];
        for (int c = 0; c < buildTypes.size(); c++) {
            for (int p = 0; p < partCount; p++) {
                partColumns[c][p] = parts[p].column(c);
            }
        }

        int width = this.probeTypes.size() + buildTypes.size();
        VectorExpression compiled = null;
        boolean never = false;
        boolean[] reads = null;
        ColumnVector[] holders = null;
        if (residual != null) {
            BoundExpr folded = ConstantFolding.fold(residual);
            if (folded instanceof BoundExpr.Constant) {
                never = !Boolean.TRUE.equals(((BoundExpr.Constant) folded).value());
            } else {
                compiled = ExpressionCompiler.compile(folded);
                reads = new boolean[width];
                markReads(folded, reads);
                holders = new ColumnVector[width];
                for (int c = 0; c < width; c++) {
                    DataType t = c < this.probeTypes.size() ? this.probeTypes.get(c)
                            : buildTypes.get(c - this.probeTypes.size());
                    holders[c] = ColumnVector.allocate(t, 0);
                }
            }
        }
        this.residual = compiled;
        this.neverMatches = never;
        this.residualReads = reads;
        this.placeholders = holders;

        this.pairs = kind == JoinKind.INNER || kind == JoinKind.LEFT || kind == JoinKind.RIGHT
                || kind == JoinKind.FULL;
        this.markRows = kind != JoinKind.INNER && kind != JoinKind.RIGHT;
        this.markBuild = kind == JoinKind.RIGHT || kind == JoinKind.FULL;

        this.outProbe = new int[pairs ? maxOutputRows : 0];
        this.outPart = new int[pairs ? maxOutputRows : 0];
        this.outRow = new int[pairs ? maxOutputRows : 0];
        if (compiled != null) {
            this.candCap = Math.max(MIN_CANDIDATES, maxOutputRows);
            this.candProbe = new int[candCap];
            this.candPart = new int[candCap];
            this.candRow = new int[candCap];
            this.candSel = new int[candCap];
        } else {
            this.candCap = maxOutputRows;
            this.candProbe = outProbe;
            this.candPart = outPart;
            this.candRow = outRow;
            this.candSel = null;
        }
    }

    private static void markReads(BoundExpr e, boolean[] reads) {
        if (e instanceof BoundExpr.InputRef) {
            reads[((BoundExpr.InputRef) e).index()] = true;
        } else if (e instanceof BoundExpr.Call) {
            for (BoundExpr a : ((BoundExpr.Call) e).args()) {
                markReads(a, reads);
            }
        } else if (e instanceof BoundExpr.Cast) {
            markReads(((BoundExpr.Cast) e).input(), reads);
        } else if (e instanceof BoundExpr.Case) {
            BoundExpr.Case c = (BoundExpr.Case) e;
            c.conditions().forEach(x -> markReads(x, reads));
            c.results().forEach(x -> markReads(x, reads));
            markReads(c.elseResult(), reads);
        } else if (e instanceof BoundExpr.InList) {
            BoundExpr.InList l = (BoundExpr.InList) e;
            markReads(l.value(), reads);
            l.list().forEach(x -> markReads(x, reads));
        } else if (!(e instanceof BoundExpr.Constant)) {
            Arrays.fill(reads, true);
        }
    }

    public JoinKind kind() {
        return kind;
    }

    /** The types of the morsels this probe emits. */
    public List<DataType> outputTypes() {
        List<DataType> out = new java.util.ArrayList<>(probeTypes);
        if (pairs) {
            out.addAll(buildTypes);
        } else if (kind == JoinKind.MARK) {
            out.add(DataType.BOOLEAN);
        }
        return out;
    }

    /** Emits the join's output for this morsel, in chunks of at most maxOutputRows rows, to out (possibly zero calls). */
    public void probe(Morsel input, Consumer<Morsel> out) {
        int n = input.size();
        if (n == 0) {
            return;
        }
        this.in = input;
        this.sink = out;
        try {
            ensureScratch(n);
            boolean anyNull = computeKeys(input, n);
            Arrays.fill(rowMatched, 0, n, false);
            outCount = 0;
            outMissing = false;
            boolean probeTable = !neverMatches && table.rows() > 0;
            if (pairs || residual != null) {
                int k = 0;
                if (probeTable) {
                    if (keyCount == 0) {
                        k = candidatesCross(n);
                    } else if (singleFixed) {
                        k = candidatesFixed(n, anyNull);
                    } else {
                        k = candidatesGeneric(n, anyNull);
                    }
                }
                flushCandidates(k, true);
            } else if (probeTable) {
                if (keyCount == 0) {
                    Arrays.fill(rowMatched, 0, n, true);
                } else if (singleFixed) {
                    anyMatchFixed(n, anyNull);
                } else {
                    anyMatchGeneric(n, anyNull);
                }
            }
            if (pairs) {
                if (kind == JoinKind.LEFT || kind == JoinKind.FULL) {
                    for (int i = 0; i < n; i++) {
                        if (!rowMatched[i]) {
                            outMissing = true;
                            appendOut(i, -1, -1);
                        }
                    }
                }
                if (outCount > 0) {
                    emitPairs();
                }
            } else {
                emitRows(n);
            }
        } finally {
            this.in = null;
            this.sink = null;
        }
    }

    private void ensureScratch(int n) {
        if (hashes.length < n) {
            int cap = Math.max(n, 16);
            hashes = new long[cap];
            keyNull = new boolean[cap];
            rowMatched = new boolean[cap];
            rangeFrom = new int[cap];
            rangeTo = new int[cap];
            rangePart = new int[cap];
            positions = new int[Math.max(cap, Math.max(candCap, maxOutputRows))];
            for (int k = 0; k < keyCount; k++) {
                if (stringKey[k]) {
                    stringKeys[k] = new String[cap];
                }
            }
        }
        if (positions.length < Math.max(candCap, maxOutputRows)) {
            positions = new int[Math.max(candCap, maxOutputRows)];
        }
    }

    /** Hashes and normalises the live keys; returns whether any row has a NULL key column. */
    private boolean computeKeys(Morsel m, int n) {
        Arrays.fill(keyNull, 0, n, false);
        int[] sel = m.selection();
        boolean anyNull = false;
        for (int k = 0; k < keyCount; k++) {
            ColumnVector v = m.column(probeKeys[k]);
            anyNull |= JoinKeys.markNulls(v, sel, n, keyNull);
            if (stringKey[k]) {
                JoinKeys.strings(v, sel, n, stringKeys[k]);
                JoinKeys.hash(k, null, stringKeys[k], n, hashes);
            } else {
                long[] keys;
                if (sel == null && v instanceof LongVector) {
                    keys = ((LongVector) v).values(); // read only
                } else {
                    if (longKeys[k] == null || longKeys[k].length < n) {
                        longKeys[k] = new long[Math.max(n, hashes.length)];
                    }
                    keys = longKeys[k];
                    JoinKeys.normalize(v, sel, n, keys);
                }
                JoinKeys.hash(k, keys, null, n, hashes);
                currentKeys[k] = keys;
            }
        }
        return anyNull;
    }

    /**
     * One fixed-width key column. Two passes so the cache misses of different rows overlap: the
     * first looks up every row's bucket range, the second compares the keys in the ranges.
     */
    private int candidatesFixed(int n, boolean anyNull) {
        bucketRanges(n, anyNull);
        final int partCount = this.partCount;
        final JoinHashTable[] parts = this.parts;
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] partOf = this.rangePart;
        final long[] pk = currentKeys[0];
        final int[] cp = candProbe;
        final int[] cpa = candPart;
        final int[] cr = candRow;
        final int cap = candCap;
        int k = 0;
        if (partCount == 1) {
            long[] tk = parts[0].longKeys[0];
            for (int i = 0; i < n; i++) {
                long key = pk[i];
                for (int r = from[i], e = to[i]; r < e; r++) {
                    if (tk[r] == key) {
                        cp[k] = i;
                        cpa[k] = 0;
                        cr[k] = r;
                        if (++k == cap) {
                            flushCandidates(k, false);
                            k = 0;
                        }
                    }
                }
            }
            return k;
        }
        for (int i = 0; i < n; i++) {
            long key = pk[i];
            int pi = partOf[i];
            long[] tk = parts[pi].longKeys[0];
            for (int r = from[i], e = to[i]; r < e; r++) {
                if (tk[r] == key) {
                    cp[k] = i;
                    cpa[k] = pi;
                    cr[k] = r;
                    if (++k == cap) {
                        flushCandidates(k, false);
                        k = 0;
                    }
                }
            }
        }
        return k;
    }

    /** Each live row's bucket range (empty for NULL keys) and, with several partitions, its partition. */
    private void bucketRanges(int n, boolean anyNull) {
        final JoinHashTable[] parts = this.parts;
        final int partCount = this.partCount;
        final long[] hashes = this.hashes;
        final boolean[] keyNull = this.keyNull;
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] partOf = this.rangePart;
        if (partCount == 1) {
            JoinHashTable t = parts[0];
            int[] start = t.start();
            int mask = t.mask();
            for (int i = 0; i < n; i++) {
                int b = (int) hashes[i] & mask;
                from[i] = start[b];
                to[i] = start[b + 1];
            }
        } else {
            for (int i = 0; i < n; i++) {
                long h = hashes[i];
                int pi = JoinKeys.partition(h, partCount);
                JoinHashTable t = parts[pi];
                int b = (int) h & t.mask();
                int[] start = t.start();
                partOf[i] = pi;
                from[i] = start[b];
                to[i] = start[b + 1];
            }
        }
        if (anyNull) {
            for (int i = 0; i < n; i++) {
                if (keyNull[i]) {
                    to[i] = from[i];
                }
            }
        }
    }

    private int candidatesGeneric(int n, boolean anyNull) {
        final int[] cp = candProbe;
        final int[] cpa = candPart;
        final int[] cr = candRow;
        final int cap = candCap;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (anyNull && keyNull[i]) {
                continue;
            }
            long h = hashes[i];
            int pi = partCount == 1 ? 0 : JoinKeys.partition(h, partCount);
            JoinHashTable t = parts[pi];
            int[] start = t.start();
            int b = (int) h & t.mask();
            long[] th = t.hashes;
            for (int r = start[b], e = start[b + 1]; r < e; r++) {
                if (th[r] == h && keysEqual(t, r, i)) {
                    cp[k] = i;
                    cpa[k] = pi;
                    cr[k] = r;
                    if (++k == cap) {
                        flushCandidates(k, false);
                        k = 0;
                    }
                }
            }
        }
        return k;
    }

    /** No key columns: every probe row pairs with every build row (all in partition 0). */
    private int candidatesCross(int n) {
        final int[] cp = candProbe;
        final int[] cpa = candPart;
        final int[] cr = candRow;
        final int cap = candCap;
        int k = 0;
        for (int pi = 0; pi < partCount; pi++) {
            int rows = parts[pi].rows();
            if (rows == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows; r++) {
                    cp[k] = i;
                    cpa[k] = pi;
                    cr[k] = r;
                    if (++k == cap) {
                        flushCandidates(k, false);
                        k = 0;
                    }
                }
            }
        }
        return k;
    }

    private boolean keysEqual(JoinHashTable t, int r, int i) {
        for (int k = 0; k < keyCount; k++) {
            if (stringKey[k]) {
                if (!t.stringKeys[k][r].equals(stringKeys[k][i])) {
                    return false;
                }
            } else if (t.longKeys[k][r] != currentKeys[k][i]) {
                return false;
            }
        }
        return true;
    }

    private void anyMatchFixed(int n, boolean anyNull) {
        bucketRanges(n, anyNull);
        final long[] pk = currentKeys[0];
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] partOf = this.rangePart;
        final boolean[] rowMatched = this.rowMatched;
        for (int i = 0; i < n; i++) {
            long key = pk[i];
            long[] tk = parts[partCount == 1 ? 0 : partOf[i]].longKeys[0];
            for (int r = from[i], e = to[i]; r < e; r++) {
                if (tk[r] == key) {
                    rowMatched[i] = true;
                    break;
                }
            }
        }
    }

    private void anyMatchGeneric(int n, boolean anyNull) {
        for (int i = 0; i < n; i++) {
            if (anyNull && keyNull[i]) {
                continue;
            }
            long h = hashes[i];
            JoinHashTable t = parts[partCount == 1 ? 0 : JoinKeys.partition(h, partCount)];
            int[] start = t.start();
            int b = (int) h & t.mask();
            long[] th = t.hashes;
            for (int r = start[b], e = start[b + 1]; r < e; r++) {
                if (th[r] == h && keysEqual(t, r, i)) {
                    rowMatched[i] = true;
                    break;
                }
            }
        }
    }

    /**
     * Handles {@code k} buffered candidates: without a residual they all match (and the buffer is
     * the output buffer, emitted when full); with one, the passing pairs are recorded and, for
     * pair-producing kinds, appended to the output.
     */
    private void flushCandidates(int k, boolean last) {
        if (k == 0) {
            return;
        }
        if (residual == null) {
            if (markRows) {
                for (int j = 0; j < k; j++) {
                    rowMatched[candProbe[j]] = true;
                }
            }
            if (markBuild) {
                markBuildRows(candPart, candRow, 0, k);
            }
            outCount = k;
            if (!last) {
                emitPairs();
            }
            return;
        }
        int m = evaluateResidual(k);
        int[] s = candSel;
        if (markRows) {
            for (int j = 0; j < m; j++) {
                rowMatched[candProbe[s[j]]] = true;
            }
        }
        if (markBuild) {
            for (int j = 0; j < m; j++) {
                parts[candPart[s[j]]].matched[candRow[s[j]]] = true;
            }
        }
        if (pairs) {
            for (int j = 0; j < m; j++) {
                int c = s[j];
                appendOut(candProbe[c], candPart[c], candRow[c]);
            }
        }
    }

    private void markBuildRows(int[] part, int[] row, int from, int to) {
        if (partCount == 1) {
            boolean[] matched = parts[0].matched;
            for (int j = from; j < to; j++) {
                matched[row[j]] = true;
            }
        } else {
            for (int j = from; j < to; j++) {
                parts[part[j]].matched[row[j]] = true;
            }
        }
    }

    /** Evaluates the residual over the k candidates; their passing indexes go to candSel. */
    private int evaluateResidual(int k) {
        int np = probeTypes.size();
        int nb = buildTypes.size();
        ColumnVector[] cols = new ColumnVector[np + nb];
        boolean needProbe = false;
        for (int c = 0; c < np; c++) {
            needProbe |= residualReads[c];
        }
        if (needProbe) {
            int[] sel = in.selection();
            for (int j = 0; j < k; j++) {
                positions[j] = sel == null ? candProbe[j] : sel[candProbe[j]];
            }
        }
        for (int c = 0; c < np; c++) {
            cols[c] = residualReads[c] ? in.column(c).gather(positions, k) : placeholders[c];
        }
        for (int c = 0; c < nb; c++) {
            cols[np + c] = residualReads[np + c]
                    ? JoinGather.gather(buildTypes.get(c), partColumns[c], candPart, candRow, k, false)
                    : placeholders[np + c];
        }
        return FilterKernel.select(new Morsel(cols, k), residual, candSel);
    }

    private void appendOut(int probeRow, int part, int row) {
        outProbe[outCount] = probeRow;
        outPart[outCount] = part;
        outRow[outCount] = row;
        if (++outCount == maxOutputRows) {
            emitPairs();
        }
    }

    private void emitPairs() {
        int cnt = outCount;
        int np = probeTypes.size();
        int nb = buildTypes.size();
        int[] sel = in.selection();
        int[] pos = positions;
        if (sel == null) {
            System.arraycopy(outProbe, 0, pos, 0, cnt);
        } else {
            for (int j = 0; j < cnt; j++) {
                pos[j] = sel[outProbe[j]];
            }
        }
        ColumnVector[] cols = new ColumnVector[np + nb];
        for (int c = 0; c < np; c++) {
            cols[c] = in.column(c).gather(pos, cnt);
        }
        for (int c = 0; c < nb; c++) {
            cols[np + c] = JoinGather.gather(buildTypes.get(c), partColumns[c], outPart, outRow, cnt, outMissing);
        }
        outCount = 0;
        outMissing = false;
        sink.accept(new Morsel(cols, cnt));
    }

    /** SEMI, ANTI and MARK: the probe rows kept (and for MARK the mark), in chunks. */
    private void emitRows(int n) {
        int[] sel = in.selection();
        boolean mark = kind == JoinKind.MARK;
        boolean tableEmpty = table.rows() == 0;
        boolean tableNull = table.hasNullKey();
        int kept = 0;
        int[] pos = positions;
        if (mark) {
            for (int i = 0; i < n; i++) {
                pos[i] = sel == null ? i : sel[i];
            }
            kept = n;
        } else {
            boolean semi = kind == JoinKind.SEMI;
            for (int i = 0; i < n; i++) {
                boolean keep;
                if (semi) {
                    keep = rowMatched[i];
                } else if (nullAware) {
                    keep = tableEmpty || (!keyNull[i] && !rowMatched[i] && !tableNull);
                } else {
                    keep = !rowMatched[i];
                }
                if (keep) {
                    pos[kept++] = sel == null ? i : sel[i];
                }
            }
        }
        int np = probeTypes.size();
        int[] chunk = null;
        for (int from = 0; from < kept; from += maxOutputRows) {
            int cnt = Math.min(maxOutputRows, kept - from);
            int[] p;
            if (from == 0) {
                p = pos;
            } else {
                if (chunk == null) {
                    chunk = new int[Math.min(maxOutputRows, kept)];
                }
                System.arraycopy(pos, from, chunk, 0, cnt);
                p = chunk;
            }
            ColumnVector[] cols = new ColumnVector[np + (mark ? 1 : 0)];
            for (int c = 0; c < np; c++) {
                cols[c] = in.column(c).gather(p, cnt);
            }
            if (mark) {
                boolean[] values = new boolean[cnt];
                long[] nulls = null;
                for (int j = 0; j < cnt; j++) {
                    int i = from + j;
                    if (rowMatched[i]) {
                        values[j] = true;
                    } else if (nullAware && !tableEmpty && (keyNull[i] || tableNull)) {
                        if (nulls == null) {
                            nulls = new long[NullMask.words(cnt)];
                        }
                        NullMask.set(nulls, j);
                    }
                }
                cols[np] = new BooleanVector(DataType.BOOLEAN, values, nulls);
            }
            sink.accept(new Morsel(cols, cnt));
        }
    }
}
