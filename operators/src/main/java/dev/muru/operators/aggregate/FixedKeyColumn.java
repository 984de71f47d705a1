package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.PhysicalType;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.DoubleVector;
import dev.muru.core.vector.IntVector;
import dev.muru.core.vector.LongVector;

import java.util.Arrays;

/**
 * A key column of a fixed-width type (INT, LONG, BOOLEAN or DOUBLE physical) held as one long
 * per group; a double is held by its grouping identity, so -0.0 and 0.0 form one group.
 */
final class FixedKeyColumn extends KeyColumn {
    private final PhysicalType physical;
    private long[] values = new long[16];
    private long[] inLongs;
    private int[] inInts;
    private boolean[] inBooleans;
    private double[] inDoubles;

    FixedKeyColumn(DataType type) {
        super(type);
        this.physical = type.physical();
    }

    @Override
    void bindValues(ColumnVector input) {
        switch (physical) {
            case LONG: inLongs = ((LongVector) input).values(); break;
            case INT: inInts = ((IntVector) input).values(); break;
            case BOOLEAN: inBooleans = ((BooleanVector) input).values(); break;
            case DOUBLE: inDoubles = ((DoubleVector) input).values(); break;
            default: throw new IllegalStateException(physical.name());
        }
    }

    private long rowValue(int pos) {
        switch (physical) {
            case LONG: return inLongs[pos];
            case INT: return inInts[pos];
            case BOOLEAN: return inBooleans[pos] ? 1 : 0;
            default: return KeyHash.doubleBits(inDoubles[pos]);
        }
    }

    @Override
    void hashRows(int[] sel, int n, long[] hashes) {
        if (physical == PhysicalType.LONG && inputNulls == null) {
            // The common case gets a loop without per-row type or null tests.
            long[] in = inLongs;
            for (int i = 0; i < n; i++) {
                hashes[i] = KeyHash.combine(hashes[i], in[sel == null ? i : sel[i]]);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int p = sel == null ? i : sel[i];
            hashes[i] = KeyHash.combine(hashes[i], rowIsNull(p) ? KeyHash.NULL : rowValue(p));
        }
    }

    @Override
    boolean valueEqualsRow(int gid, int pos) {
        return values[gid] == rowValue(pos);
    }

    @Override
    void setFromRow(int gid, int pos) {
        values[gid] = rowValue(pos);
    }

    @Override
    boolean valueEqualsGroup(int gid, KeyColumn other, int otherGid) {
        return values[gid] == ((FixedKeyColumn) other).values[otherGid];
    }

    @Override
    void setFromGroup(int gid, KeyColumn other, int otherGid) {
        values[gid] = ((FixedKeyColumn) other).values[otherGid];
    }

    @Override
    void growValues(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    ColumnVector vector(int[] order, int from, int count) {
        long[] mask = nullMask(order, from, count);
        switch (physical) {
            case LONG:
                return new LongVector(type, GroupOrder.longs(values, order, from, count), mask);
            case INT: {
                int[] out = new int[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (int) values[GroupOrder.at(order, from, i)];
                }
                return new IntVector(type, out, mask);
            }
            case BOOLEAN: {
                boolean[] out = new boolean[count];
                for (int i = 0; i < count; i++) {
                    out[i] = values[GroupOrder.at(order, from, i)] != 0;
                }
                return new BooleanVector(type, out, mask);
            }
            default: {
                double[] out = new double[count];
                for (int i = 0; i < count; i++) {
                    out[i] = Double.longBitsToDouble(values[GroupOrder.at(order, from, i)]);
                }
                return new DoubleVector(type, out, mask);
            }
        }
    }


    @Override
    long estimatedBytes() {
        return 9L * values.length;
    }
}
