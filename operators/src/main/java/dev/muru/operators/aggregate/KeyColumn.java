package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.vector.ColumnVector;

import java.util.Arrays;

/**
 * One key column of a {@link CompositeGroupTable}: the column's value per group in a growable
 * typed array plus a NULL flag, and the probing operations against the bound input vector.
 */
abstract class KeyColumn {
    protected final DataType type;
    protected boolean[] groupNulls = new boolean[16];
    protected int size;
    protected long[] inputNulls;

    KeyColumn(DataType type) {
        this.type = type;
    }

    static KeyColumn create(DataType type) {
        return type.isString() ? new StringKeyColumn(type) : new FixedKeyColumn(type);
    }

    /** Makes {@code input} the vector that the row operations read. */
    void bind(ColumnVector input) {
        inputNulls = input.nullMask();
        bindValues(input);
    }

    abstract void bindValues(ColumnVector input);

    final boolean rowIsNull(int pos) {
        return inputNulls != null && (inputNulls[pos >>> 6] & (1L << pos)) != 0;
    }

    /**
     * Folds the bound input's value of each live row into {@code hashes[i]}, NULL by its own
     * hash; {@code sel} is the morsel's selection or null.
     */
    abstract void hashRows(int[] sel, int n, long[] hashes);

    /** Whether group {@code gid}'s key equals the bound input at {@code pos}; NULL equals NULL. */
    final boolean equalsRow(int gid, int pos) {
        boolean n = rowIsNull(pos);
        if (n || groupNulls[gid]) {
            return n && groupNulls[gid];
        }
        return valueEqualsRow(gid, pos);
    }

    abstract boolean valueEqualsRow(int gid, int pos);

    /** Adds the bound input's value at {@code pos} as the key of the next group. */
    final void appendRow(int pos) {
        ensureCapacity(size + 1);
        if (rowIsNull(pos)) {
            groupNulls[size] = true;
        } else {
            setFromRow(size, pos);
        }
        size++;
    }

    abstract void setFromRow(int gid, int pos);

    final boolean equalsGroup(int gid, KeyColumn other, int otherGid) {
        if (groupNulls[gid] || other.groupNulls[otherGid]) {
            return groupNulls[gid] && other.groupNulls[otherGid];
        }
        return valueEqualsGroup(gid, other, otherGid);
    }

    abstract boolean valueEqualsGroup(int gid, KeyColumn other, int otherGid);

    final void appendGroup(KeyColumn other, int otherGid) {
        ensureCapacity(size + 1);
        if (other.groupNulls[otherGid]) {
            groupNulls[size] = true;
        } else {
            setFromGroup(size, other, otherGid);
        }
        size++;
    }

    abstract void setFromGroup(int gid, KeyColumn other, int otherGid);

    private void ensureCapacity(int n) {
        if (n > groupNulls.length) {
            int c = Math.max(n, groupNulls.length * 2);
            groupNulls = Arrays.copyOf(groupNulls, c);
            growValues(c);
        }
    }

    abstract void growValues(int capacity);

    /** The null bitmap of the groups {@link GroupOrder} names, or null when none is NULL. */
    final long[] nullMask(int[] order, int from, int count) {
        long[] mask = null;
        for (int i = 0; i < count; i++) {
            if (groupNulls[GroupOrder.at(order, from, i)]) {
                if (mask == null) {
                    mask = new long[(count + 63) >>> 6];
                }
                mask[i >>> 6] |= 1L << i;
            }
        }
        return mask;
    }

    /** The keys of the groups {@link GroupOrder} names, as a vector of this column's type. */
    abstract ColumnVector vector(int[] order, int from, int count);


    abstract long estimatedBytes();
}
