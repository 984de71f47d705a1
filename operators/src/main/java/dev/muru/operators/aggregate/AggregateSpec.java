package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.TypeKind;

import java.util.Objects;

/**
 * One aggregate of a {@link HashAggregation}: its function, whether it is DISTINCT, the input
 * column it reads (-1 for COUNT(*)), that column's type and the type of the result.
 */
public record AggregateSpec(AggregateKind kind, boolean distinct, int inputColumn, DataType inputType,
                            DataType resultType) {

    public AggregateSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resultType, "resultType");
        if (kind == AggregateKind.COUNT_STAR) {
            if (inputColumn != -1) {
                throw new IllegalArgumentException("COUNT(*) reads no column, got column " + inputColumn);
            }
        } else {
            if (inputColumn < 0) {
                throw new IllegalArgumentException(kind + " needs an input column, got " + inputColumn);
            }
            Objects.requireNonNull(inputType, "inputType");
            // The accumulators write vectors of the computed type, so a caller may only rename it.
            DataType expected = resultTypeOf(kind, inputType);
            if (expected.physical() != resultType.physical()) {
                throw new IllegalArgumentException(kind + "(" + inputType + ") yields " + expected
                        + ", not " + resultType);
            }
        }
    }

    /** COUNT(*). */
    public static AggregateSpec countStar() {
        return new AggregateSpec(AggregateKind.COUNT_STAR, false, -1, null, DataType.BIGINT);
    }

    /** An aggregate over {@code inputColumn} whose result type is {@link #resultTypeOf}. */
    public static AggregateSpec of(AggregateKind kind, boolean distinct, int inputColumn, DataType inputType) {
        if (kind == AggregateKind.COUNT_STAR) {
            return countStar();
        }
        return new AggregateSpec(kind, distinct, inputColumn, inputType, resultTypeOf(kind, inputType));
    }

    /**
     * The SQL result type: COUNT is BIGINT, SUM widens exact types to BIGINT / DECIMAL(18,s) and
     * keeps DOUBLE, AVG is DOUBLE, MIN/MAX keep the input type.
     */
    public static DataType resultTypeOf(AggregateKind kind, DataType inputType) {
        switch (kind) {
            case COUNT_STAR:
            case COUNT:
                return DataType.BIGINT;
            case SUM:
                requireNumeric(kind, inputType);
                switch (inputType.kind()) {
                    case INTEGER: case BIGINT: return DataType.BIGINT;
                    case DECIMAL: return DataType.decimal(DataType.MAX_DECIMAL_PRECISION, inputType.scale());
                    default: return DataType.DOUBLE;
                }
            case AVG:
                requireNumeric(kind, inputType);
                return DataType.DOUBLE;
            case MIN:
            case MAX:
                if (inputType.kind() == TypeKind.NULL) {
                    throw new MuruException(ErrorCode.DATATYPE_MISMATCH, kind + " needs a typed argument");
                }
                return inputType;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private static void requireNumeric(AggregateKind kind, DataType inputType) {
        if (!inputType.isNumeric()) {
            throw new MuruException(ErrorCode.DATATYPE_MISMATCH,
                    "function " + kind.name().toLowerCase() + "(" + inputType + ") does not exist");
        }
    }

    /** DISTINCT changes nothing for MIN and MAX, nor for COUNT(*). */
    boolean needsValueSet() {
        return distinct && (kind == AggregateKind.COUNT || kind == AggregateKind.SUM || kind == AggregateKind.AVG);
    }
}
