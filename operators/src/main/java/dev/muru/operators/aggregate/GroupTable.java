package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.TypeKind;
import dev.muru.core.vector.ColumnVector;

import java.util.List;

/**
 * Maps group keys to dense group ids 0, 1, 2, ... in order of first appearance and keeps each
 * group's key, so the accumulators can be plain arrays indexed by group id.
 */
abstract class GroupTable {

    /** The table for these key types: a specialised one for a single integral key. */
    static GroupTable create(List<DataType> keyTypes) {
        if (keyTypes.isEmpty()) {
            return new GlobalGroupTable();
        }
        if (keyTypes.size() == 1) {
            TypeKind k = keyTypes.get(0).kind();
            if (k == TypeKind.INTEGER || k == TypeKind.BIGINT || k == TypeKind.DATE || k == TypeKind.DECIMAL) {
                return new LongGroupTable(keyTypes.get(0));
            }
        }
        return new CompositeGroupTable(keyTypes);
    }

    /**
     * Prepares an empty table for about {@code groups} groups shaped like {@code like} (the
     * table it will take groups from), so that filling it allocates once instead of doubling.
     */
    void presize(GroupTable like, int groups) {
    }

    abstract int groupCount();

    /** Fills {@code gids[i]} with the group of the i-th live row, adding new groups. */
    abstract void groupIds(Morsel input, int[] gids, DenseInput scratch);

    /** The key hash of a group, equal for equal keys in every table of the same key types. */
    abstract long groupHash(int gid);

    /**
     * Finds or adds the keys of groups {@code srcGids[0..n)} of {@code source} (a table of the
     * same key types; null ids mean 0..n-1) and returns their ids in this table.
     */
    abstract int[] insertGroups(GroupTable source, int[] srcGids, int n);

    /**
     * The ids in this table of groups {@code srcGids[0..n)} of {@code source} (a table of the
     * same key types), or -1 for a key this table lacks. Only reads this table.
     */
    abstract int[] findGroups(GroupTable source, int[] srcGids, int n);

    /** The key columns of groups {@code [from, from + count)}. */
    final ColumnVector[] keyVectors(int from, int count) {
        return keyVectors(null, from, count);
    }

    /** The key columns of the groups {@link GroupOrder} names for {@code order}, {@code from}, {@code count}. */
    abstract ColumnVector[] keyVectors(int[] order, int from, int count);


    abstract long estimatedBytes();

    static int sourceGid(int[] srcGids, int i) {
        return srcGids == null ? i : srcGids[i];
    }

    /** The smallest power of two at least {@code n}, and at least 16. */
    static int powerOfTwoAtLeast(int n) {
        int c = 16;
        while (c < n) {
            c <<= 1;
        }
        return c;
    }
}
