package dev.muru.operators.aggregate;

import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

import java.util.Arrays;

/** The table of an aggregation without GROUP BY: one group that exists even before any row. */
final class GlobalGroupTable extends GroupTable {

    @Override
    int groupCount() {
        return 1;
    }

    @Override
    void groupIds(Morsel input, int[] gids, DenseInput scratch) {
        Arrays.fill(gids, 0, input.size(), 0);
    }

    @Override
    long groupHash(int gid) {
        return KeyHash.EMPTY_KEY;
    }

    @Override
    int[] insertGroups(GroupTable source, int[] srcGids, int n) {
        return new int[n];
    }

    @Override
    int[] findGroups(GroupTable source, int[] srcGids, int n) {
        return new int[n];
    }

    @Override
    ColumnVector[] keyVectors(int[] order, int from, int count) {
        return new ColumnVector[0];
    }


    @Override
    long estimatedBytes() {
        return 16;
    }
}
