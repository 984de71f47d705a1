package dev.muru.operators.sort;

/** An order on int row indices, so sorting needs no boxed Integer. */
@FunctionalInterface
interface IndexComparator {
    int compare(int a, int b);
}
