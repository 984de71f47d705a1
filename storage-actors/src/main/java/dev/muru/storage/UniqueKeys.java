package dev.muru.storage;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PRIMARY KEY, UNIQUE and unique-index constraints of one table, each with the set of key
 * values the table holds, so that a write checks its new rows without scanning the table. Rows
 * with a NULL in a key column never conflict (SQL's rule). Owned by the table's store actor.
 */
final class UniqueKeys {
    /** A constraint: its name (for errors and DROP INDEX) and its column positions. */
    record Constraint(String name, int[] columns) {
    }

    private final Schema schema;
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    private final Map<String, Set<Object>> values = new HashMap<>();

    UniqueKeys(Schema schema, List<Constraint> initial) {
        this.schema = schema;
        for (Constraint c : initial) {
            constraints.put(c.name(), c);
            values.put(c.name(), new HashSet<>());
        }
    }

    boolean isEmpty() {
        return constraints.isEmpty();
    }

    /** The keys that {@code morsels} add, checked against the table and each other; commit them with {@link #commit}. */
    Map<String, List<Object>> check(List<Morsel> morsels) {
        Map<String, List<Object>> added = new HashMap<>();
        for (Constraint c : constraints.values()) {
            Set<Object> existing = values.get(c.name());
            Set<Object> batch = new HashSet<>();
            List<Object> keys = new ArrayList<>();
            for (Morsel m : morsels) {
                for (int i = 0; i < m.size(); i++) {
                    Object key = key(m, m.position(i), c.columns());
                    if (key == null) {
                        continue;
                    }
                    if (existing.contains(key) || !batch.add(key)) {
                        throw violation(c, key);
                    }
                    keys.add(key);
                }
            }
            added.put(c.name(), keys);
        }
        return added;
    }

    void commit(Map<String, List<Object>> added) {
        added.forEach((name, keys) -> values.get(name).addAll(keys));
    }

    /**
     * What REPLACE INTO leaves. {@code added}: the new rows that no later new row replaces;
     * {@code kept}: the stored rows no new row conflicts with, or null when none conflicts (then
     * {@code added} is simply appended); {@code addedRows}: how many rows {@code added} holds.
     */
    record Replacement(List<Morsel> added, List<Morsel> kept, long addedRows) {
    }

    /**
     * REPLACE INTO as if {@code incoming}'s rows were inserted one by one, each first deleting the
     * rows it conflicts with on any constraint: a new row survives unless a later new row shares
     * a key with it, and a stored row survives unless some new row shares a key with it.
     */
    Replacement replacement(List<Morsel> incoming, List<Morsel> stored) {
        List<Constraint> cs = new ArrayList<>(constraints.values());
        List<Set<Object>> seen = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            seen.add(new HashSet<>());
        }
        List<Morsel> added = new ArrayList<>();
        long addedRows = 0;
        for (int mi = incoming.size() - 1; mi >= 0; mi--) {
            Morsel m = incoming.get(mi);
            int[] keep = new int[m.size()];
            int k = m.size();
            for (int i = m.size() - 1; i >= 0; i--) {
                int p = m.position(i);
                boolean replaced = false;
                for (int c = 0; c < cs.size(); c++) {
                    Object key = key(m, p, cs.get(c).columns());
                    replaced |= key != null && !seen.get(c).add(key);
                }
                if (!replaced) {
                    keep[--k] = p;
                }
            }
            int n = m.size() - k;
            addedRows += n;
            added.add(0, m.withSelection(Arrays.copyOfRange(keep, k, keep.length), n));
        }
        boolean conflict = false;
        for (int c = 0; c < cs.size() && !conflict; c++) {
            Set<Object> existing = values.get(cs.get(c).name());
            for (Object key : seen.get(c)) {
                if (existing.contains(key)) {
                    conflict = true;
                    break;
                }
            }
        }
        if (!conflict) {
            return new Replacement(added, null, addedRows);
        }
        List<Morsel> kept = new ArrayList<>();
        for (Morsel m : stored) {
            int[] keep = new int[m.size()];
            int k = 0;
            for (int i = 0; i < m.size(); i++) {
                int p = m.position(i);
                boolean replaced = false;
                for (int c = 0; c < cs.size() && !replaced; c++) {
                    Object key = key(m, p, cs.get(c).columns());
                    replaced = key != null && seen.get(c).contains(key);
                }
                if (!replaced) {
                    keep[k++] = p;
                }
            }
            kept.add(k == m.size() ? m : m.withSelection(keep, k));
        }
        return new Replacement(added, kept, addedRows);
    }

    /** The same constraints over a table that now holds exactly {@code rows} (UPDATE, DELETE). */
    UniqueKeys rebuilt(List<Morsel> rows) {
        UniqueKeys next = new UniqueKeys(schema, new ArrayList<>(constraints.values()));
        next.commit(next.check(rows));
        return next;
    }

    /** A new constraint over the rows the table holds; fails if they already break it. */
    void add(Constraint c, List<Morsel> rows) {
        UniqueKeys one = new UniqueKeys(schema, List.of(c));
        one.commit(one.check(rows));
        constraints.put(c.name(), c);
        values.put(c.name(), one.values.get(c.name()));
    }

    void remove(String name) {
        constraints.remove(name);
        values.remove(name);
    }

    private static Object key(Morsel m, int p, int[] columns) {
        if (columns.length == 1) {
            ColumnVector v = m.column(columns[0]);
            return v.isNull(p) ? null : v.getObject(p);
        }
        Object[] k = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            ColumnVector v = m.column(columns[i]);
            if (v.isNull(p)) {
                return null;
            }
            k[i] = v.getObject(p);
        }
        return Arrays.asList(k);
    }

    private MuruException violation(Constraint c, Object key) {
        List<String> names = new ArrayList<>();
        for (int col : c.columns()) {
            names.add(schema.name(col));
        }
        String value = key instanceof List<?> l ? l.toString().replaceAll("^\\[|\\]$", "") : String.valueOf(key);
        return new MuruException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \""
                + c.name() + "\": key (" + String.join(", ", names) + ")=(" + value + ") already exists");
    }
}
