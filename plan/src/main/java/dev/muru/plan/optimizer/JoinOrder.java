package dev.muru.plan.optimizer;

import dev.muru.core.Column;
import dev.muru.core.Schema;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.JoinKind;
import dev.muru.plan.logical.LogicalPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Plans the inner joins of a FROM list: single-relation predicates filter their relation,
 * then greedy operator ordering joins, again and again, the connected pair with the smallest
 * estimated result (a cross product only when nothing is connected). The smaller input of
 * each join builds. The result has the relations' columns in FROM order.
 */
public final class JoinOrder {
    private JoinOrder() {
    }

    private static final class Node {
        LogicalPlan plan;
        BitSet rels = new BitSet();
        int[] columns; // global column index of each output column
        double rows;
        double base; // rows of the largest relation before its filters
    }

    /** {@code conjuncts} refer to the concatenated columns of {@code relations}. */
    public static LogicalPlan plan(List<LogicalPlan> relations, List<BoundExpr> conjuncts) {
        int n = relations.size();
        int[] offset = new int[n + 1];
        for (int i = 0; i < n; i++) {
            offset[i + 1] = offset[i] + relations.get(i).schema().size();
        }
        int width = offset[n];
        List<BoundExpr> pending = new ArrayList<>();
        List<BitSet> pendingRels = new ArrayList<>();
        List<List<BoundExpr>> local = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            local.add(new ArrayList<>());
        }
        List<BoundExpr> constant = new ArrayList<>();
        for (BoundExpr c : conjuncts) {
            BitSet cols = Predicates.columns(c, width);
            BitSet rels = new BitSet();
            for (int col = cols.nextSetBit(0); col >= 0; col = cols.nextSetBit(col + 1)) {
                rels.set(relationOf(offset, col));
            }
            if (rels.cardinality() == 1 && n > 0) {
                int r = rels.nextSetBit(0);
                local.get(r).add(Predicates.rewrite(c, i -> i - offset[r]));
            } else if (rels.isEmpty()) {
                constant.add(c);
            } else {
                pending.add(c);
                pendingRels.add(rels);
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = new Node();
            LogicalPlan p = relations.get(i);
            node.base = Estimates.rows(p);
            if (!local.get(i).isEmpty()) {
                p = new LogicalPlan.Filter(p, Predicates.and(local.get(i)));
            }
            node.plan = p;
            node.rels.set(i);
            node.columns = new int[offset[i + 1] - offset[i]];
            for (int c = 0; c < node.columns.length; c++) {
                node.columns[c] = offset[i] + c;
            }
            node.rows = Estimates.rows(p);
            nodes.add(node);
        }
        boolean[] applied = new boolean[pending.size()];
        while (nodes.size() > 1) {
            int bestA = -1;
            int bestB = -1;
            double bestRows = Double.MAX_VALUE;
            boolean bestConnected = false;
            for (int a = 0; a < nodes.size(); a++) {
                for (int b = a + 1; b < nodes.size(); b++) {
                    Node x = nodes.get(a);
                    Node y = nodes.get(b);
                    List<BoundExpr> conds = applicable(x, y, pending, pendingRels, applied, null);
                    boolean connected = !conds.isEmpty();
                    if (bestConnected && !connected) {
                        continue;
                    }
                    double est = estimate(x, y, conds);
                    if (connected && !bestConnected || est < bestRows) {
                        bestA = a;
                        bestB = b;
                        bestRows = est;
                        bestConnected = connected;
                    }
                }
            }
            Node x = nodes.get(bestA);
            Node y = nodes.get(bestB);
            List<BoundExpr> conds = applicable(x, y, pending, pendingRels, applied, applied);
            Node joined = join(x, y, conds, bestRows);
            nodes.remove(bestB);
            nodes.set(bestA, joined);
        }
        Node root = nodes.get(0);
        LogicalPlan plan = root.plan;
        List<BoundExpr> rest = new ArrayList<>(constant);
        for (int i = 0; i < pending.size(); i++) {
            if (!applied[i]) {
                rest.add(pending.get(i));
            }
        }
        if (n == 1 && !rest.isEmpty()) {
            return new LogicalPlan.Filter(plan, Predicates.and(rest));
        }
        // Back to FROM order.
        int[] position = new int[width];
        for (int i = 0; i < root.columns.length; i++) {
            position[root.columns[i]] = i;
        }
        boolean identity = true;
        for (int i = 0; i < width; i++) {
            identity &= position[i] == i;
        }
        if (!identity) {
            List<BoundExpr> exprs = new ArrayList<>();
            List<Column> cols = new ArrayList<>();
            for (int g = 0; g < width; g++) {
                Column c = plan.schema().column(position[g]);
                exprs.add(new BoundExpr.InputRef(position[g], c.type()));
                cols.add(c);
            }
            plan = new LogicalPlan.Project(plan, exprs, new Schema(cols));
        }
        if (!rest.isEmpty()) {
            plan = new LogicalPlan.Filter(plan, Predicates.and(rest));
        }
        return plan;
    }

    private static int relationOf(int[] offset, int column) {
        int r = Arrays.binarySearch(offset, column);
        if (r >= 0) {
            while (r + 1 < offset.length && offset[r + 1] == column) {
                r++; // skip relations without columns
            }
            return r;
        }
        return -r - 2;
    }

    /** Conjuncts not yet applied that the join of x and y can evaluate, over global columns. */
    private static List<BoundExpr> applicable(Node x, Node y, List<BoundExpr> pending, List<BitSet> pendingRels,
                                              boolean[] applied, boolean[] markApplied) {
        BitSet both = (BitSet) x.rels.clone();
        both.or(y.rels);
        List<BoundExpr> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            BitSet r = pendingRels.get(i);
            if (applied[i] || !x.rels.intersects(r) || !y.rels.intersects(r)) {
                continue;
            }
            BitSet outside = (BitSet) r.clone();
            outside.andNot(both);
            if (outside.isEmpty()) {
                out.add(pending.get(i));
                if (markApplied != null) {
                    markApplied[i] = true;
                }
            }
        }
        return out;
    }

    private static double estimate(Node x, Node y, List<BoundExpr> conds) {
        if (conds.isEmpty()) {
            return x.rows * y.rows;
        }
        boolean equi = false;
        double selectivity = 1;
        for (BoundExpr c : conds) {
            if (!(c instanceof BoundExpr.Call) || ((BoundExpr.Call) c).function() != dev.muru.plan.expr.Function.EQUAL) {
                continue;
            }
            equi = true;
            BoundExpr a = ((BoundExpr.Call) c).args().get(0);
            BoundExpr b = ((BoundExpr.Call) c).args().get(1);
            if (a instanceof BoundExpr.InputRef && b instanceof BoundExpr.InputRef) {
                int ia = ((BoundExpr.InputRef) a).index();
                int ib = ((BoundExpr.InputRef) b).index();
                Node na = contains(x, ia) ? x : y;
                Node nb = contains(x, ib) ? x : y;
                if (na != nb) {
                    // Equal keys pair up: |x| * |y| / max(distinct keys of each side).
                    double d = Math.max(Estimates.distinct(na.plan, position(na, ia)), Estimates.distinct(nb.plan, position(nb, ib)));
                    selectivity = Math.min(selectivity, 1 / Math.max(1, d));
                }
            }
        }
        if (!equi) {
            return Math.max(1, x.rows * y.rows * Estimates.selectivity(Predicates.and(conds)));
        }
        if (selectivity < 1) {
            return Math.max(1, x.rows * y.rows * selectivity);
        }
        // Foreign key to key: the larger relation's rows, thinned by both sides' filters.
        double base = Math.max(x.base, y.base);
        return Math.max(1, base * (x.rows / x.base) * (y.rows / y.base));
    }

    private static Node join(Node x, Node y, List<BoundExpr> conds, double rows) {
        // The smaller input builds: it goes right.
        Node left = x.rows >= y.rows ? x : y;
        Node right = left == x ? y : x;
        int[] position = new int[Math.max(maxColumn(left), maxColumn(right)) + 1];
        for (int i = 0; i < left.columns.length; i++) {
            position[left.columns[i]] = i;
        }
        for (int i = 0; i < right.columns.length; i++) {
            position[right.columns[i]] = left.columns.length + i;
        }
        List<BoundExpr> local = new ArrayList<>();
        for (BoundExpr c : conds) {
            local.add(Predicates.rewrite(c, i -> position[i]));
        }
        Predicates.JoinCondition jc = Predicates.splitJoin(local, left.columns.length);
        Schema schema = LogicalPlan.Join.outputSchema(left.plan.schema(), right.plan.schema(), JoinKind.INNER);
        Node out = new Node();
        out.plan = new LogicalPlan.Join(left.plan, right.plan, JoinKind.INNER, jc.leftKeys(), jc.rightKeys(),
                jc.residual(), false, schema, (long) Math.min(rows, Long.MAX_VALUE / 2));
        out.rels.or(left.rels);
        out.rels.or(right.rels);
        out.columns = new int[left.columns.length + right.columns.length];
        System.arraycopy(left.columns, 0, out.columns, 0, left.columns.length);
        System.arraycopy(right.columns, 0, out.columns, left.columns.length, right.columns.length);
        out.rows = rows;
        out.base = Math.max(left.base, right.base);
        return out;
    }

    private static boolean contains(Node n, int column) {
        return position(n, column) >= 0;
    }

    private static int position(Node n, int column) {
        for (int i = 0; i < n.columns.length; i++) {
            if (n.columns[i] == column) {
                return i;
            }
        }
        return -1;
    }

    private static int maxColumn(Node n) {
        int m = 0;
        for (int c : n.columns) {
            m = Math.max(m, c);
        }
        return m;
    }
}
