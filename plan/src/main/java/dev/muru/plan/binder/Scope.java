package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.Expr;
import dev.muru.parser.ast.Position;
import dev.muru.plan.expr.BoundExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns visible to an expression: each with the relation name that qualifies it. */
final class Scope {
    /** {@code hidden}: the right column of a USING pair, reachable only by its qualified name. */
    record Entry(String qualifier, String name, DataType type, boolean hidden) {
        Entry(String qualifier, String name, DataType type) {
            this(qualifier, name, type, false);
        }
    }

    /** References to the enclosing query's columns bind as InputRef(OUTER_BASE + index). */
    static final int OUTER_BASE = 1 << 24;

    private final List<Entry> entries;
    /** The enclosing query's scope, for correlated subqueries; null at the top. */
    private Scope outer;
    /** Where each column was first referenced, so later errors can point at it. */
    private final Map<Integer, Position> firstUse = new HashMap<>();

    Scope(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    Scope withOuter(Scope outer) {
        Scope s = new Scope(entries);
        s.outer = outer;
        return s;
    }

    Scope outer() {
        return outer;
    }


    static boolean isOuter(BoundExpr e) {
        return e instanceof BoundExpr.InputRef && ((BoundExpr.InputRef) e).index() >= OUTER_BASE;
    }

    static Scope empty() {
        return new Scope(List.of());
    }

    List<Entry> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }

    boolean hasQualifier(String qualifier) {
        for (Entry e : entries) {
            if (qualifier.equals(e.qualifier())) {
                return true;
            }
        }
        return false;
    }

    BoundExpr.InputRef resolve(Expr.ColumnRef ref) {
        int found = find(ref);
        if (found < 0 && outer != null && outer.find(ref) >= 0) {
            BoundExpr.InputRef r = outer.resolve(ref);
            if (r.index() >= OUTER_BASE) {
                throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "column \"" + ref.name()
                        + "\" refers to a query two levels out; correlation across more than one level is not supported",
                        ref.pos().line(), ref.pos().column());
            }
            return new BoundExpr.InputRef(OUTER_BASE + r.index(), r.type());
        }
        if (found < 0 && outer != null && outer.outer != null && outer.outer.find(ref) >= 0) {
            throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "column \"" + ref.name()
                    + "\" refers to a query two levels out; correlation across more than one level is not supported",
                    ref.pos().line(), ref.pos().column());
        }
        return resolveLocal(ref, found);
    }

    /** Index of the column {@code ref} names here, -1 if none; ambiguity is an error. */
    private int find(Expr.ColumnRef ref) {
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.name().equals(ref.name()) && (ref.qualifier() == null ? !e.hidden() : ref.qualifier().equals(e.qualifier()))) {
                if (found >= 0) {
                    throw new MuruException(ErrorCode.AMBIGUOUS_COLUMN,
                            "column reference \"" + ref.name() + "\" is ambiguous", ref.pos().line(), ref.pos().column());
                }
                found = i;
            }
        }
        return found;
    }

    private BoundExpr.InputRef resolveLocal(Expr.ColumnRef ref, int found) {
        if (found < 0) {
            String name = ref.qualifier() == null ? ref.name() : ref.qualifier() + "." + ref.name();
            if (ref.qualifier() != null && !hasQualifier(ref.qualifier()) && (outer == null || !outer.hasQualifier(ref.qualifier()))) {
                throw new MuruException(ErrorCode.UNDEFINED_TABLE,
                        "missing FROM-clause entry for table \"" + ref.qualifier() + "\"",
                        ref.pos().line(), ref.pos().column());
            }
            throw new MuruException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist",
                    ref.pos().line(), ref.pos().column());
        }
        firstUse.putIfAbsent(found, ref.pos());
        return new BoundExpr.InputRef(found, entries.get(found).type());
    }

    Position firstUse(int index) {
        return firstUse.getOrDefault(index, Position.UNKNOWN);
    }

    String describe(int index) {
        Entry e = entries.get(index);
        return e.qualifier() == null ? e.name() : e.qualifier() + "." + e.name();
    }

    static List<Entry> entriesOf(String qualifier, dev.muru.core.Schema schema) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            out.add(new Entry(qualifier, schema.name(i), schema.type(i)));
        }
        return out;
    }
}
