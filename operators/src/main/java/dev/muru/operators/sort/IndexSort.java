package dev.muru.operators.sort;

/**
 * A stable sort of int indices by an {@link IndexComparator}: top-down merge sort with
 * insertion sort on short ranges, skipping merges of ranges already in order.
 */
final class IndexSort {
    private static final int INSERTION_THRESHOLD = 24;

    private IndexSort() {
    }

    static void sort(int[] a, int n, IndexComparator cmp) {
        sort(a, 0, n, cmp, n > INSERTION_THRESHOLD ? new int[n] : null);
    }

    /** Sorts {@code a[from, to)}; {@code scratch} must hold at least {@code to} ints for long ranges. */
    static void sort(int[] a, int from, int to, IndexComparator cmp, int[] scratch) {
        if (to - from <= INSERTION_THRESHOLD) {
            insertionSort(a, from, to, cmp);
            return;
        }
        System.arraycopy(a, from, scratch, from, to - from);
        // The ranges alternate between the two arrays, so each level merges without copying back.
        mergeSort(scratch, a, from, to, cmp);
    }

    /** Sorts {@code dst[from, to)}; {@code src} holds the same values on entry and is scratch. */
    private static void mergeSort(int[] src, int[] dst, int from, int to, IndexComparator cmp) {
        if (to - from <= INSERTION_THRESHOLD) {
            insertionSort(dst, from, to, cmp);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(dst, src, from, mid, cmp);
        mergeSort(dst, src, mid, to, cmp);
        if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, from, dst, from, to - from);
            return;
        }
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && cmp.compare(src[i], src[j]) <= 0)) {
                dst[k] = src[i++];
            } else {
                dst[k] = src[j++];
            }
        }
    }

    private static void insertionSort(int[] a, int from, int to, IndexComparator cmp) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && cmp.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }
}
