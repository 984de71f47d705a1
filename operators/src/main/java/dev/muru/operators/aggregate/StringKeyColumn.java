package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.StringVector;

import java.util.Arrays;

/** A VARCHAR or CHAR key column: the group's String, shared with the input, not copied. */
final class StringKeyColumn extends KeyColumn {
    private String[] values = new String[16];
    private String[] input;
    /** Sum of the held strings' lengths, for the memory estimate. */
    private long chars;

    StringKeyColumn(DataType type) {
        super(type);
    }

    @Override
    void bindValues(ColumnVector v) {
        input = ((StringVector) v).values();
    }

    @Override
    void hashRows(int[] sel, int n, long[] hashes) {
        String[] in = input;
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            hashes[i] = KeyHash.combine(hashes[i], rowIsNull(p) ? KeyHash.NULL : in[p].hashCode());
        }
    }

    @Override
    boolean valueEqualsRow(int gid, int pos) {
        return values[gid].equals(input[pos]);
    }

    @Override
    void setFromRow(int gid, int pos) {
        values[gid] = input[pos];
        chars += input[pos].length();
    }

    @Override
    boolean valueEqualsGroup(int gid, KeyColumn other, int otherGid) {
        return values[gid].equals(((StringKeyColumn) other).values[otherGid]);
    }

    @Override
    void setFromGroup(int gid, KeyColumn other, int otherGid) {
        String s = ((StringKeyColumn) other).values[otherGid];
        values[gid] = s;
        chars += s.length();
    }

    @Override
    void growValues(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    ColumnVector vector(int[] order, int from, int count) {
        return new StringVector(type, GroupOrder.strings(values, order, from, count), nullMask(order, from, count));
    }


    @Override
    long estimatedBytes() {
        return 9L * values.length + 40L * size + 2L * chars;
    }
}
