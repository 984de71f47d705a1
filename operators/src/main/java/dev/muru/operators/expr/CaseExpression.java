package dev.muru.operators.expr;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.core.vector.ColumnVector;

/**
 * Searched CASE. Each condition runs on the rows no earlier branch took, and each result only on
 * the rows its condition picked, so {@code CASE WHEN x = 0 THEN 0 ELSE 1 / x END} never divides
 * by zero. When one branch takes every row its vector is returned as is.
 */
final class CaseExpression implements VectorExpression {
    private final VectorExpression[] conditions;
    private final VectorExpression[] results;
    private final VectorExpression elseResult;
    private final DataType type;

    CaseExpression(VectorExpression[] conditions, VectorExpression[] results, VectorExpression elseResult,
                   DataType type) {
        if (conditions.length != results.length) {
            throw Errors.internal("CASE with " + conditions.length + " conditions and " + results.length + " results");
        }
        this.conditions = conditions;
        this.results = results;
        this.elseResult = elseResult;
        this.type = type;
    }

    @Override
    public ColumnVector evaluate(Morsel in) {
        int n = in.size();
        int[] remaining = Vectors.livePositions(in);
        int remainingCount = n;
        int[] taken = new int[n];
        ColumnVector out = null;
        for (int b = 0; b < conditions.length && remainingCount > 0; b++) {
            Morsel candidates = remainingCount == n ? in : in.withSelection(remaining, remainingCount);
            int k = FilterKernel.select(candidates, conditions[b], taken);
            if (k == 0) {
                continue;
            }
            if (k == n) {
                // The first branch that takes a row takes them all
                return results[b].evaluate(in);
            }
            ColumnVector value = results[b].evaluate(in.withSelection(taken, k));
            if (out == null) {
                out = ColumnVector.allocate(type, in.positions());
            }
            Vectors.copyPositions(value, out, taken, k);
            remainingCount = Vectors.subtract(remaining, remainingCount, taken, k);
        }
        if (out == null) {
            return elseResult.evaluate(in);
        }
        if (remainingCount > 0) {
            ColumnVector value = elseResult.evaluate(in.withSelection(remaining, remainingCount));
            Vectors.copyPositions(value, out, remaining, remainingCount);
        }
        return out;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("case(");
        for (int i = 0; i < conditions.length; i++) {
            sb.append(conditions[i]).append(" -> ").append(results[i]).append(", ");
        }
        return sb.append("else ").append(elseResult).append(')').toString();
    }
}
