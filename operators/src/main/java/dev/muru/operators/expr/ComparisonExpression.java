package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.BooleanVector;
import dev.muru.core.vector.ColumnVector;
import dev.muru.plan.expr.Function;

/**
 * = &lt;&gt; &lt; &lt;= &gt; &gt;= over two vectors of one physical type.
 *
 * <p>Every comparison is a selection kernel first: the per-type subclasses write the positions
 * where the relation holds, ignoring nulls. {@link #select} then only drops NULL rows, so a WHERE
 * clause never materialises booleans; {@link #evaluate} scatters the positions into a vector.
 * Since every type is totally ordered (NaN is the largest double and equals itself, as in
 * PostgreSQL) the six operators reduce to three relations and a negation.
 */
abstract class ComparisonExpression implements VectorExpression, SelectionFilter {
    enum Relation { EQUAL, LESS, LESS_EQUAL }

    protected final VectorExpression left;
    protected final VectorExpression right;
    protected final Relation relation;
    /** Whether the result is the relation's negation: &lt;&gt; is not =, &gt;= is not &lt;, &gt; is not &lt;=. */
    protected final boolean negate;
    /** Whether the subclass reads the right side from a constant field instead of a vector. */
    private final boolean rightIsConstant;

    protected ComparisonExpression(Function op, VectorExpression left, VectorExpression right, boolean rightIsConstant) {
        this.left = TransientOutput.child(left);
        this.right = TransientOutput.child(right);
        this.rightIsConstant = rightIsConstant;
        switch (op) {
            case EQUAL: relation = Relation.EQUAL; negate = false; break;
            case NOT_EQUAL: relation = Relation.EQUAL; negate = true; break;
            case LESS: relation = Relation.LESS; negate = false; break;
            case GREATER_EQUAL: relation = Relation.LESS; negate = true; break;
            case LESS_EQUAL: relation = Relation.LESS_EQUAL; negate = false; break;
            case GREATER: relation = Relation.LESS_EQUAL; negate = true; break;
            default: throw Errors.internal("not a comparison: " + op);
        }
    }

    /** Picks the kernel for the operands' physical type, with a constant operand on the right. */
    static VectorExpression create(Function op, VectorExpression left, VectorExpression right) {
        if (left instanceof ConstantExpression && !(right instanceof ConstantExpression)) {
            return create(mirror(op), right, left);
        }
        switch (left.type().physical()) {
            case INT: return new IntComparison(op, left, right);
            case LONG: return new LongComparison(op, left, right);
            case DOUBLE: return new DoubleComparison(op, left, right);
            case STRING: return new StringComparison(op, left, right);
            case BOOLEAN: return new BooleanComparison(op, left, right);
            default: throw Errors.internal("cannot compare " + left.type());
        }
    }

    /** The operator that gives the same answer with its operands swapped. */
    static Function mirror(Function op) {
        switch (op) {
            case LESS: return Function.GREATER;
            case LESS_EQUAL: return Function.GREATER_EQUAL;
            case GREATER: return Function.LESS;
            case GREATER_EQUAL: return Function.LESS_EQUAL;
            default: return op;
        }
    }

    /**
     * Writes the positions among the live rows ({@code sel[0..n)}, or {@code 0..n} when sel is
     * null) where the comparison holds on the values, nulls ignored; {@code r} is null when the
     * right side is a constant. {@code out} may alias {@code sel}.
     */
    protected abstract int selectValues(ColumnVector l, ColumnVector r, int[] sel, int n, int[] out);

    @Override
    public final int select(Morsel in, int[] out) {
        ColumnVector l = left.evaluate(in);
        ColumnVector r = rightIsConstant ? null : right.evaluate(in);
        int k = selectValues(l, r, in.selection(), in.size(), out);
        return Vectors.removeNulls(out, k, l.nullMask(), r == null ? null : r.nullMask());
    }

    @Override
    public final ColumnVector evaluate(Morsel in) {
        ColumnVector l = left.evaluate(in);
        ColumnVector r = rightIsConstant ? null : right.evaluate(in);
        int n = in.size();
        int[] hits = new int[n];
        int k = selectValues(l, r, in.selection(), n, hits);
        boolean[] values = new boolean[in.positions()];
        for (int j = 0; j < k; j++) {
            values[hits[j]] = true;
        }
        long[] nulls = r == null ? Vectors.copyNulls(l) : Vectors.orNulls(l, r, in.positions());
        return new BooleanVector(DataType.BOOLEAN, values, nulls);
    }

    @Override
    public final DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public String toString() {
        return (negate ? "not " : "") + relation.name().toLowerCase() + "(" + left + ", " + right + ")";
    }
}
