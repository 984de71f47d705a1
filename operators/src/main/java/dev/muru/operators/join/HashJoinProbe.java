package dev.muru.operators.join;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import dev.muru.core.vector.NullMask;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.StringVector;
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
 * key-equal (probe row, build row) candidates into a buffer. The table's partitions share one
 * {@link JoinLayout}, so a build row is one global id whatever its partition: one bucket
 * directory, one key array, one source per build column. Without a residual the candidates are
 * the matches and the buffer is the output buffer; with one, full buffers are evaluated as a
 * concatenated morsel (only the columns the residual reads are gathered) and the pairs where it
 * is TRUE kept. SEMI/ANTI/MARK without a residual stop at a row's first match; kinds whose
 * output is build rows only (RIGHT_SEMI, RIGHT_ANTI) mark the matched build rows and emit
 * nothing. One fixed-width key column (INTEGER, DATE, BIGINT, DECIMAL, DOUBLE, BOOLEAN) compares
 * primitives, in branch-free passes (see candidatesFixed), and when the build keys are distinct
 * a row stops at its match and the output stays in probe order, so a dense input whose rows all
 * match once passes its own vectors through; other keys compare their hash, then each column. An
 * emitted build key column equal bit for bit to its probe key (every physical type but DOUBLE,
 * where -0.0 = 0.0) is taken from the probe side.
 */
public final class HashJoinProbe {
    private static final int MIN_CANDIDATES = 1024;

    private final JoinTable table;
    private final JoinKind kind;
    private final int[] probeKeys;
    private final List<DataType> probeTypes;
    private final boolean nullAware;
    private final int maxOutputRows;

    private final int keyCount;
    private final boolean[] stringKey;
    private final boolean singleFixed;
    private final List<DataType> buildTypes;

    // The shared build layout.
    private final int buildRows;
    private final int[] start;
    private final long bucketCount;
    private final int[][] tableInts;
    private final long[][] tableLongs;
    private final String[][] tableStrings;
    private final long[] tableHashes;
    private final boolean[] matched;
    private final ColumnVector[] buildColumns;
    /** Per build column: the probe column holding the same values in a matched pair, or -1. */
    private final int[] fromProbe;

    private final VectorExpression residual;
    private final boolean neverMatches;
    private final boolean[] residualReads;
    private final ColumnVector[] placeholders;

    private final boolean pairs;
    /** A kind whose output is build rows only: RIGHT_SEMI and RIGHT_ANTI. */
    private final boolean buildOnly;
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
    /** One INTEGER/DATE key column: the probe keys are read as ints, compared with the table's ints. */
    private final boolean intKey;
    private int[] currentInts;
    private int[] intScratch = new int[0];
    /** Per live row: the keys of the first two rows of its bucket range (see firstTwoHits). */
    private int[] firstInts = new int[0];
    private int[] secondInts = new int[0];
    private long[] firstLongs = new long[0];
    private long[] secondLongs = new long[0];
    /** Per live row: bit 0/1 set when the first/second row of its bucket range has its key. */
    private int[] hits = new int[0];
    /** Live rows whose bucket range has rows left to compare (see candidatesFixed). */
    private int[] rest = new int[0];
    /** The build keys are distinct: a probe row has at most one match (see candidatesUnique). */
    private final boolean uniqueBuild;
    /** Per live row: its one matching build row, or -1 (see candidatesUnique). */
    private int[] matchRow = new int[0];

    private final int candCap;
    private final int[] candProbe;
    private final int[] candRow;
    private final int[] candSel;
    private final int[] outProbe;
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
        this.intKey = singleFixed && table.layout().intKeys[0] != null;
        this.uniqueBuild = singleFixed && table.layout().uniqueKeys();
        this.longKeys = new long[keyCount][];
        this.stringKeys = new String[keyCount][];
        this.currentKeys = new long[keyCount][];
        JoinLayout layout = table.layout();
        this.buildRows = layout.rows;
        this.start = layout.start;
        this.bucketCount = layout.bucketCount;
        this.tableInts = layout.intKeys;
        this.tableLongs = layout.longKeys;
        this.tableStrings = layout.stringKeys;
        this.tableHashes = layout.hashes;
        this.buildColumns = layout.columns;
        this.fromProbe = new int[buildTypes.size()];
        Arrays.fill(fromProbe, -1);
        for (int k = 0; k < keyCount; k++) {
            int bc = table.keyColumn(k);
            PhysicalType pt = buildTypes.get(bc).physical();
            if (pt != PhysicalType.DOUBLE && fromProbe[bc] < 0) {
                fromProbe[bc] = probeKeys[k];
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
        boolean probeRows = kind == JoinKind.SEMI || kind == JoinKind.ANTI || kind == JoinKind.MARK;
        // Any other kind outputs build rows only (those matched or not, after probing): the probe
        // marks the build rows that match and emits nothing.
        this.buildOnly = !pairs && !probeRows;
        this.markRows = !buildOnly && kind != JoinKind.INNER && kind != JoinKind.RIGHT;
        this.markBuild = kind == JoinKind.RIGHT || kind == JoinKind.FULL || buildOnly;
        this.matched = markBuild ? layout.matchedFlags() : null;

        this.outProbe = new int[pairs || buildOnly ? maxOutputRows : 0];
        this.outRow = new int[pairs || buildOnly ? maxOutputRows : 0];
        if (compiled != null) {
            this.candCap = Math.max(MIN_CANDIDATES, maxOutputRows);
            this.candProbe = new int[candCap];
            this.candRow = new int[candCap];
            this.candSel = new int[candCap];
        } else {
            this.candCap = maxOutputRows;
            this.candProbe = outProbe;
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
        if (buildOnly) {
            return buildTypes; // what the table's matchedRows / unmatchedRows give
        }
        List<DataType> out = new java.util.ArrayList<>(probeTypes);
        if (pairs) {
            out.addAll(buildTypes);
        } else if (kind == JoinKind.MARK) {
            out.add(DataType.BOOLEAN);
        }
        return out;
    }

    private java.util.function.BooleanSupplier cancelled = () -> false;

    /** Checked between candidate batches, so a probe that emits nothing still stops when its statement does. */
    public void cancelWhen(java.util.function.BooleanSupplier stopped) {
        this.cancelled = stopped;
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
            boolean probeTable = !neverMatches && buildRows > 0;
            if (pairs || residual != null || buildOnly) {
                int k = 0;
                if (probeTable) {
                    if (keyCount == 0) {
                        k = candidatesCross(n);
                    } else if (uniqueBuild) {
                        k = candidatesUnique(n, anyNull);
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
                            appendOut(i, -1);
                        }
                    }
                }
                if (outCount > 0) {
                    emitPairs();
                }
            } else if (!buildOnly) {
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
            rest = new int[cap];
            hits = new int[cap];
            if (uniqueBuild) {
                matchRow = new int[cap];
            }
            if (intKey) {
                intScratch = new int[cap];
                firstInts = new int[cap];
                secondInts = new int[cap];
            } else if (singleFixed) {
                firstLongs = new long[cap];
                secondLongs = new long[cap];
            }
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
            if (intKey) {
                int[] keys;
                if (sel == null) {
                    keys = ((IntVector) v).values(); // read only
                } else {
                    keys = intScratch;
                    int[] src = ((IntVector) v).values();
                    for (int i = 0; i < n; i++) {
                        keys[i] = src[sel[i]];
                    }
                }
                if (longKeys[k] == null || longKeys[k].length < n) {
                    longKeys[k] = new long[Math.max(n, hashes.length)];
                }
                long[] wide = longKeys[k];
                for (int i = 0; i < n; i++) {
                    wide[i] = keys[i];
                }
                JoinKeys.hash(k, wide, null, n, hashes);
                currentKeys[k] = wide;
                currentInts = keys;
            } else if (stringKey[k]) {
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
     * One fixed-width key column, in passes so the cache misses of different rows overlap and
     * nothing mispredicts on chain lengths: every row's bucket range; the keys of the first two
     * rows of each range (loads only); which of them match (arithmetic over cached arrays); the
     * candidates from those bits and the rows whose ranges go on; then a round per further range
     * position over the rows still going. Candidates come out round by round, so a row with
     * matches past the second row of its range is not in probe order.
     */
    private int candidatesFixed(int n, boolean anyNull) {
        bucketRanges(n, anyNull);
        firstTwoHits(n);
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] rest = this.rest;
        final int[] hits = this.hits;
        final int[] cp = candProbe;
        final int[] cr = candRow;
        final int cap = candCap;
        int k = 0;
        int m = 0;
        for (int i = 0; i < n; ) {
            if (cap - k < 2) {
                // Room for one candidate: this row on its own, flushing as the buffer fills.
                int h = hits[i];
                int r = from[i];
                for (int q = 0; q < 2; q++) {
                    if ((h & (1 << q)) != 0) {
                        cp[k] = i;
                        cr[k] = r + q;
                        if (++k == cap) {
                            flushCandidates(k, false);
                            k = 0;
                        }
                    }
                }
                rest[m] = i;
                m += less(r + 2, to[i]);
                i++;
                continue;
            }
            int lim = Math.min(n, i + ((cap - k) >> 1));
            for (; i < lim; i++) {
                int h = hits[i];
                int r = from[i];
                cp[k] = i;
                cr[k] = r;
                k += h & 1;
                cp[k] = i;
                cr[k] = r + 1;
                k += h >> 1;
                rest[m] = i;
                m += less(r + 2, to[i]);
            }
            if (k == cap) {
                flushCandidates(k, false);
                k = 0;
            }
        }
        final int[] ti = tableInts[0];
        final long[] tl = tableLongs[0];
        final int[] pi = currentInts;
        final long[] pl = currentKeys[0];
        for (int t = 2; m > 0; t++) {
            int kept = 0;
            for (int j = 0; j < m; ) {
                int lim = Math.min(m, j + (cap - k));
                for (; j < lim; j++) {
                    int i = rest[j];
                    int r = from[i] + t;
                    cp[k] = i;
                    cr[k] = r;
                    k += intKey ? equal(ti[r], pi[i]) : equal(tl[r], pl[i]);
                    rest[kept] = i;
                    kept += less(r + 1, to[i]);
                }
                if (k == cap) {
                    flushCandidates(k, false);
                    k = 0;
                }
            }
            m = kept;
        }
        return k;
    }

    /**
     * candidatesFixed for distinct build keys: a probe row has at most one match, so a row leaves
     * the rounds at its match, and the candidates are collected afterwards in probe order (a
     * dense input whose rows all match once is then emitted as its own vectors).
     */
    private int candidatesUnique(int n, boolean anyNull) {
        bucketRanges(n, anyNull);
        firstTwoHits(n);
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] rest = this.rest;
        final int[] hits = this.hits;
        final int[] match = this.matchRow;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int h = hits[i]; // 0, 1 or 2: both rows cannot match
            int r = from[i];
            match[i] = (r + (h >> 1)) | ((h - 1) >> 31);
            rest[m] = i;
            m += less(r + 2, to[i]) & ((h - 1) >>> 31);
        }
        final int[] ti = tableInts[0];
        final long[] tl = tableLongs[0];
        final int[] pi = currentInts;
        final long[] pl = currentKeys[0];
        for (int t = 2; m > 0; t++) {
            int kept = 0;
            for (int j = 0; j < m; j++) {
                int i = rest[j];
                int r = from[i] + t;
                int hit = intKey ? equal(ti[r], pi[i]) : equal(tl[r], pl[i]);
                match[i] = r | (hit - 1);
                rest[kept] = i;
                kept += less(r + 1, to[i]) & (hit ^ 1);
            }
            m = kept;
        }
        final int[] cp = candProbe;
        final int[] cr = candRow;
        final int cap = candCap;
        int k = 0;
        for (int i = 0; i < n; ) {
            int lim = Math.min(n, i + (cap - k));
            for (; i < lim; i++) {
                int r = match[i];
                cp[k] = i;
                cr[k] = r;
                k += ~r >>> 31;
            }
            if (k == cap) {
                flushCandidates(k, false);
                k = 0;
            }
        }
        return k;
    }

    /**
     * One fixed-width key column: bit 0 of {@code hits[i]} says whether row i's first bucket row
     * (if any) has its key, bit 1 the same for the second. The keys are loaded in a loop of their
     * own (independent loads: their misses overlap), then compared in one without any (for int
     * keys the JIT vectorises it).
     */
    private void firstTwoHits(int n) {
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] hits = this.hits;
        final int last = buildRows - 1;
        if (intKey) {
            final int[] ti = tableInts[0];
            final int[] k1 = firstInts;
            final int[] k2 = secondInts;
            for (int i = 0; i < n; i++) {
                int r = from[i];
                k1[i] = ti[Math.min(r, last)];
                k2[i] = ti[Math.min(r + 1, last)];
            }
            final int[] pk = currentInts;
            for (int i = 0; i < n; i++) {
                int r = from[i];
                int e = to[i];
                int key = pk[i];
                int x1 = k1[i] ^ key;
                int x2 = k2[i] ^ key;
                int h1 = ((r - e) >>> 31) & (((x1 | -x1) >>> 31) ^ 1);
                int h2 = ((r + 1 - e) >>> 31) & (((x2 | -x2) >>> 31) ^ 1);
                hits[i] = h1 | (h2 << 1);
            }
        } else {
            final long[] tl = tableLongs[0];
            final long[] k1 = firstLongs;
            final long[] k2 = secondLongs;
            for (int i = 0; i < n; i++) {
                int r = from[i];
                k1[i] = tl[Math.min(r, last)];
                k2[i] = tl[Math.min(r + 1, last)];
            }
            final long[] pk = currentKeys[0];
            for (int i = 0; i < n; i++) {
                int r = from[i];
                int e = to[i];
                long key = pk[i];
                hits[i] = (less(r, e) & equal(k1[i], key)) | ((less(r + 1, e) & equal(k2[i], key)) << 1);
            }
        }
    }

    /** 1 when {@code a < b}, else 0, without a branch (both non-negative ints). */
    private static int less(int a, int b) {
        return (a - b) >>> 31;
    }

    /** 1 when {@code a == b}, else 0, without a branch. */
    private static int equal(int a, int b) {
        int x = a ^ b;
        return ((x | -x) >>> 31) ^ 1;
    }

    /** 1 when {@code a == b}, else 0, without a branch. */
    private static int equal(long a, long b) {
        long x = a ^ b;
        return (int) ((x | -x) >>> 63) ^ 1;
    }

    /** Each live row's bucket range in the shared directory (empty for NULL keys). */
    private void bucketRanges(int n, boolean anyNull) {
        final long[] hashes = this.hashes;
        final boolean[] keyNull = this.keyNull;
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] start = this.start;
        final long nb = this.bucketCount;
        for (int i = 0; i < n; i++) {
            int b = JoinLayout.bucket(hashes[i], nb);
            from[i] = start[b];
            to[i] = start[b + 1];
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
        bucketRanges(n, anyNull);
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final long[] th = tableHashes;
        final int[] cp = candProbe;
        final int[] cr = candRow;
        final int cap = candCap;
        int k = 0;
        for (int i = 0; i < n; i++) {
            long h = hashes[i];
            for (int r = from[i], e = to[i]; r < e; r++) {
                if (th[r] == h && keysEqual(r, i)) {
                    cp[k] = i;
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

    /** No key columns: every probe row pairs with every build row. */
    private int candidatesCross(int n) {
        final int[] cp = candProbe;
        final int[] cr = candRow;
        final int cap = candCap;
        final int rows = buildRows;
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                cp[k] = i;
                cr[k] = r;
                if (++k == cap) {
                    flushCandidates(k, false);
                    k = 0;
                }
            }
        }
        return k;
    }

    private boolean keysEqual(int r, int i) {
        for (int k = 0; k < keyCount; k++) {
            if (stringKey[k]) {
                if (!tableStrings[k][r].equals(stringKeys[k][i])) {
                    return false;
                }
            } else {
                int[] ti = tableInts[k];
                long v = ti != null ? ti[r] : tableLongs[k][r];
                if (v != currentKeys[k][i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** SEMI/ANTI/MARK with one fixed-width key: candidatesFixed's passes, a row leaving at its first match. */
    private void anyMatchFixed(int n, boolean anyNull) {
        bucketRanges(n, anyNull);
        firstTwoHits(n);
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final int[] rest = this.rest;
        final int[] hits = this.hits;
        final boolean[] rowMatched = this.rowMatched;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int hit = (hits[i] | -hits[i]) >>> 31;
            rowMatched[i] = hit != 0;
            rest[m] = i;
            m += less(from[i] + 2, to[i]) & (hit ^ 1);
        }
        final int[] ti = tableInts[0];
        final long[] tl = tableLongs[0];
        final int[] pi = currentInts;
        final long[] pl = currentKeys[0];
        for (int t = 2; m > 0; t++) {
            int kept = 0;
            for (int j = 0; j < m; j++) {
                int i = rest[j];
                int r = from[i] + t;
                int hit = intKey ? equal(ti[r], pi[i]) : equal(tl[r], pl[i]);
                rowMatched[i] = hit != 0;
                rest[kept] = i;
                kept += less(r + 1, to[i]) & (hit ^ 1);
            }
            m = kept;
        }
    }

    private void anyMatchGeneric(int n, boolean anyNull) {
        bucketRanges(n, anyNull);
        final int[] from = this.rangeFrom;
        final int[] to = this.rangeTo;
        final long[] th = tableHashes;
        for (int i = 0; i < n; i++) {
            long h = hashes[i];
            for (int r = from[i], e = to[i]; r < e; r++) {
                if (th[r] == h && keysEqual(r, i)) {
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
        if (cancelled.getAsBoolean()) {
            // A cross join whose residual drops every pair emits nothing for a long time: stop here.
            throw new dev.muru.core.MuruException(dev.muru.core.ErrorCode.QUERY_CANCELLED, "statement stopped");
        }
        if (residual == null) {
            if (markRows) {
                for (int j = 0; j < k; j++) {
                    rowMatched[candProbe[j]] = true;
                }
            }
            if (markBuild) {
                final boolean[] matched = this.matched;
                for (int j = 0; j < k; j++) {
                    matched[candRow[j]] = true;
                }
            }
            if (buildOnly) {
                return;
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
                matched[candRow[s[j]]] = true;
            }
        }
        if (pairs) {
            for (int j = 0; j < m; j++) {
                int c = s[j];
                appendOut(candProbe[c], candRow[c]);
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
            cols[np + c] = residualReads[np + c] ? buildColumns[c].gather(candRow, k) : placeholders[np + c];
        }
        return FilterKernel.select(new Morsel(cols, k), residual, candSel);
    }

    private void appendOut(int probeRow, int row) {
        outProbe[outCount] = probeRow;
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
        boolean identity = false;
        if (sel == null) {
            identity = true;
            for (int j = 0; j < cnt; j++) {
                if (outProbe[j] != j) {
                    identity = false;
                    break;
                }
            }
            if (!identity) {
                System.arraycopy(outProbe, 0, pos, 0, cnt);
            }
        } else {
            for (int j = 0; j < cnt; j++) {
                pos[j] = sel[outProbe[j]];
            }
        }
        ColumnVector[] cols = new ColumnVector[np + nb];
        for (int c = 0; c < np; c++) {
            // Rows 0..cnt of a dense input in order: its own vectors are the output.
            cols[c] = identity ? in.column(c) : in.column(c).gather(pos, cnt);
        }
        long[] missing = null;
        if (outMissing) {
            int[] row = outRow;
            missing = new long[NullMask.words(cnt)];
            for (int j = 0; j < cnt; j++) {
                if (row[j] < 0) {
                    NullMask.set(missing, j);
                }
            }
        }
        for (int c = 0; c < nb; c++) {
            int pc = fromProbe[c];
            cols[np + c] = pc >= 0 ? sameValues(cols[pc], buildTypes.get(c), cnt, missing)
                    : JoinGather.gather(buildColumns[c], outRow, cnt, missing);
        }
        outCount = 0;
        outMissing = false;
        sink.accept(new Morsel(cols, cnt));
    }

    /**
     * A build key column of the output taken from the probe key column {@code v}: in a matched
     * pair the two hold the same value, and an unmatched (missing) row is NULL. It shares the
     * values array of {@code v}, as a separate vector.
     */
    private static ColumnVector sameValues(ColumnVector v, DataType type, int cnt, long[] missing) {
        long[] nulls = missing == null ? null : missing.clone();
        if (v instanceof IntVector) {
            return new IntVector(type, ((IntVector) v).values(), cnt, nulls);
        } else if (v instanceof LongVector) {
            return new LongVector(type, ((LongVector) v).values(), cnt, nulls);
        } else if (v instanceof BooleanVector) {
            return new BooleanVector(type, ((BooleanVector) v).values(), cnt, nulls);
        } else if (v instanceof StringVector) {
            return new StringVector(type, ((StringVector) v).values(), cnt, nulls);
        }
        throw new IllegalStateException("no shared key values for " + type);
    }

    /** SEMI, ANTI and MARK: the probe rows kept (and for MARK the mark), in chunks. */
    private void emitRows(int n) {
        int[] sel = in.selection();
        boolean mark = kind == JoinKind.MARK;
        boolean tableEmpty = buildRows == 0;
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
