package dev.muru.plan.optimizer;

import dev.muru.core.Column;
import dev.muru.core.Schema;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.logical.JoinKind;
import dev.muru.plan.logical.LogicalPlan;
import dev.muru.plan.logical.SortItem;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Removes columns that nothing above reads, down to the scans: joins then carry and gather only
 * the columns the query needs.
 */
public final class ColumnPruner {
    private ColumnPruner() {
    }

    /** A pruned plan and where each old output column went (-1: dropped). */
    private record Result(LogicalPlan plan, int[] map) {
    }

    public static LogicalPlan prune(LogicalPlan root) {
        BitSet all = new BitSet();
        all.set(0, root.schema().size());
        return prune(root, all).plan();
    }

    private static Result prune(LogicalPlan p, BitSet required) {
        if (p instanceof LogicalPlan.Scan) {
            LogicalPlan.Scan s = (LogicalPlan.Scan) p;
            int[] map = new int[s.columns().length];
            int n = 0;
            for (int i = 0; i < map.length; i++) {
                map[i] = required.get(i) ? n++ : -1;
            }
            int[] cols = new int[n];
            List<Column> schema = new ArrayList<>();
            for (int i = 0; i < map.length; i++) {
                if (map[i] >= 0) {
                    cols[map[i]] = s.columns()[i];
                    schema.add(s.schema().column(i));
                }
            }
            return new Result(new LogicalPlan.Scan(s.table(), cols, new Schema(schema), s.estimatedRows(), s.distinct()), map);
        }
        if (p instanceof LogicalPlan.Filter) {
            LogicalPlan.Filter f = (LogicalPlan.Filter) p;
            BitSet need = (BitSet) required.clone();
            Predicates.mark(f.predicate(), Integer.MAX_VALUE, need);
            Result in = prune(f.input(), need);
            LogicalPlan filter = new LogicalPlan.Filter(in.plan(), remap(f.predicate(), in.map()));
            if (need.equals(required)) {
                return new Result(filter, in.map());
            }
            // Drop the columns only the predicate read.
            return project(filter, in.map(), required);
        }
        if (p instanceof LogicalPlan.Project) {
            LogicalPlan.Project pr = (LogicalPlan.Project) p;
            BitSet keep = (BitSet) required.clone();
            if (keep.isEmpty() && !pr.expressions().isEmpty()) {
                keep.set(0); // a row count still needs a column to ride on
            }
            BitSet need = new BitSet();
            for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
                Predicates.mark(pr.expressions().get(i), Integer.MAX_VALUE, need);
            }
            Result in = prune(pr.input(), need);
            int[] map = new int[pr.expressions().size()];
            List<BoundExpr> exprs = new ArrayList<>();
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < map.length; i++) {
                if (keep.get(i)) {
                    map[i] = exprs.size();
                    exprs.add(remap(pr.expressions().get(i), in.map()));
                    cols.add(pr.schema().column(i));
                } else {
                    map[i] = -1;
                }
            }
            return new Result(new LogicalPlan.Project(in.plan(), exprs, new Schema(cols)), map);
        }
        if (p instanceof LogicalPlan.Aggregate) {
            LogicalPlan.Aggregate a = (LogicalPlan.Aggregate) p;
            BitSet need = new BitSet();
            for (BoundExpr k : a.groupKeys()) {
                Predicates.mark(k, Integer.MAX_VALUE, need);
            }
            for (AggregateCall c : a.aggregates()) {
                if (c.argument() != null) {
                    Predicates.mark(c.argument(), Integer.MAX_VALUE, need);
                }
            }
            Result in = prune(a.input(), need);
            List<BoundExpr> keys = new ArrayList<>();
            for (BoundExpr k : a.groupKeys()) {
                keys.add(remap(k, in.map()));
            }
            List<AggregateCall> calls = new ArrayList<>();
            for (AggregateCall c : a.aggregates()) {
                calls.add(c.argument() == null ? c
                        : new AggregateCall(c.function(), c.distinct(), remap(c.argument(), in.map()), c.type()));
            }
            return identity(new LogicalPlan.Aggregate(in.plan(), keys, calls, a.schema()));
        }
        if (p instanceof LogicalPlan.Sort) {
            LogicalPlan.Sort s = (LogicalPlan.Sort) p;
            BitSet need = (BitSet) required.clone();
            for (SortItem it : s.items()) {
                need.set(it.column());
            }
            Result in = prune(s.input(), need);
            List<SortItem> items = new ArrayList<>();
            for (SortItem it : s.items()) {
                items.add(new SortItem(in.map()[it.column()], it.ascending(), it.nullsFirst()));
            }
            return new Result(new LogicalPlan.Sort(in.plan(), items), in.map());
        }
        if (p instanceof LogicalPlan.Limit) {
            LogicalPlan.Limit l = (LogicalPlan.Limit) p;
            Result in = prune(l.input(), required);
            return new Result(new LogicalPlan.Limit(in.plan(), l.limit(), l.offset()), in.map());
        }
        if (p instanceof LogicalPlan.Join) {
            return join((LogicalPlan.Join) p, required);
        }
        if (p instanceof LogicalPlan.Distinct) {
            return identity(new LogicalPlan.Distinct(all(((LogicalPlan.Distinct) p).input())));
        }
        if (p instanceof LogicalPlan.SingleRow) {
            return identity(new LogicalPlan.SingleRow(all(((LogicalPlan.SingleRow) p).input())));
        }
        if (p instanceof LogicalPlan.Union) {
            List<LogicalPlan> inputs = new ArrayList<>();
            for (LogicalPlan in : p.inputs()) {
                inputs.add(all(in));
            }
            return identity(new LogicalPlan.Union(inputs, p.schema()));
        }
        return identity(p); // Values
    }

    private static LogicalPlan all(LogicalPlan p) {
        BitSet all = new BitSet();
        all.set(0, p.schema().size());
        return prune(p, all).plan();
    }

    private static Result identity(LogicalPlan p) {
        int[] map = new int[p.schema().size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        return new Result(p, map);
    }

    /** Keeps just the {@code required} old columns of {@code p}, whose columns are at {@code map}. */
    private static Result project(LogicalPlan p, int[] map, BitSet required) {
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> cols = new ArrayList<>();
        int[] out = new int[map.length];
        for (int i = 0; i < map.length; i++) {
            if (required.get(i) && map[i] >= 0) {
                out[i] = exprs.size();
                exprs.add(new BoundExpr.InputRef(map[i], p.schema().type(map[i])));
                cols.add(p.schema().column(map[i]));
            } else {
                out[i] = -1;
            }
        }
        if (exprs.isEmpty() && p.schema().size() > 0) {
            exprs.add(new BoundExpr.InputRef(0, p.schema().type(0)));
            cols.add(p.schema().column(0));
        }
        return new Result(new LogicalPlan.Project(p, exprs, new Schema(cols)), out);
    }

    private static Result join(LogicalPlan.Join j, BitSet required) {
        int lw = j.left().schema().size();
        BitSet needLeft = new BitSet();
        BitSet needRight = new BitSet();
        for (int i = required.nextSetBit(0); i >= 0; i = required.nextSetBit(i + 1)) {
            if (j.kind().keepsOnlyRight()) {
                needRight.set(i);
            } else if (i < lw) {
                needLeft.set(i);
            } else if (j.kind() != JoinKind.MARK) {
                needRight.set(i - lw);
            }
        }
        for (BoundExpr k : j.leftKeys()) {
            Predicates.mark(k, Integer.MAX_VALUE, needLeft);
        }
        for (BoundExpr k : j.rightKeys()) {
            Predicates.mark(k, Integer.MAX_VALUE, needRight);
        }
        if (j.condition() != null) {
            BitSet c = Predicates.columns(j.condition(), Integer.MAX_VALUE);
            for (int i = c.nextSetBit(0); i >= 0; i = c.nextSetBit(i + 1)) {
                if (i < lw) {
                    needLeft.set(i);
                } else {
                    needRight.set(i - lw);
                }
            }
        }
        Result l = prune(j.left(), needLeft);
        Result r = prune(j.right(), needRight);
        int newLw = l.plan().schema().size();
        List<BoundExpr> lk = new ArrayList<>();
        for (BoundExpr k : j.leftKeys()) {
            lk.add(remap(k, l.map()));
        }
        List<BoundExpr> rk = new ArrayList<>();
        for (BoundExpr k : j.rightKeys()) {
            rk.add(remap(k, r.map()));
        }
        BoundExpr cond = j.condition() == null ? null
                : Predicates.rewrite(j.condition(), i -> i < lw ? l.map()[i] : newLw + r.map()[i - lw]);
        Schema schema = LogicalPlan.Join.outputSchema(l.plan().schema(), r.plan().schema(), j.kind());
        int[] map = new int[j.schema().size()];
        for (int i = 0; i < map.length; i++) {
            if (j.kind().keepsOnlyRight()) {
                map[i] = r.map()[i];
            } else if (i < lw) {
                map[i] = l.map()[i];
            } else if (j.kind() == JoinKind.MARK) {
                map[i] = newLw;
            } else {
                int m = r.map()[i - lw];
                map[i] = m < 0 ? -1 : newLw + m;
            }
        }
        return new Result(new LogicalPlan.Join(l.plan(), r.plan(), j.kind(), lk, rk, cond, j.nullAware(), schema,
                j.estimatedRows()), map);
    }

    private static BoundExpr remap(BoundExpr e, int[] map) {
        return Predicates.rewrite(e, i -> map[i]);
    }
}
