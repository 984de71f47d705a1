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
    record Entry(String qualifier, String name, DataType type) {
    }

    private final List<Entry> entries;
    /** Where each column was first referenced, so later errors can point at it. */
    private final Map<Integer, Position> firstUse = new HashMap<>();

    Scope(List<Entry> entries) {
        this.entries = List.copyOf(entries);
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
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.name().equals(ref.name()) && (ref.qualifier() == null || ref.qualifier().equals(e.qualifier()))) {
                if (found >= 0) {
                    throw new MuruException(ErrorCode.AMBIGUOUS_COLUMN,
                            "column reference \"" + ref.name() + "\" is ambiguous", ref.pos().line(), ref.pos().column());
                }
                found = i;
            }
        }
        if (found < 0) {
            String name = ref.qualifier() == null ? ref.name() : ref.qualifier() + "." + ref.name();
            if (ref.qualifier() != null && !hasQualifier(ref.qualifier())) {
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
