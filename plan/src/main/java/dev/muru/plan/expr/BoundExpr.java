package dev.muru.plan.expr;

import dev.muru.core.DataType;

import java.util.List;

/**
 * A type-checked expression over the columns of its input morsel. The binder has already
 * inserted every cast an operator needs (see {@link Function} for each function's contract),
 * so evaluation never decides types.
 */
public sealed interface BoundExpr {
    DataType type();

    /** Column {@code index} of the input morsel. */
    record InputRef(int index, DataType type) implements BoundExpr {
        @Override
        public String toString() {
            return "#" + index;
        }
    }

    /**
     * A constant. {@code value} holds the encoding of its type: Boolean (BOOLEAN), Integer
     * (INTEGER, and DATE as days since 1970-01-01), Long (BIGINT, and DECIMAL as the unscaled
     * long), Double (DOUBLE), String (VARCHAR/CHAR); null for NULL of any type.
     */
    record Constant(Object value, DataType type) implements BoundExpr {
        @Override
        public String toString() {
            return value == null ? "NULL" : dev.muru.core.Values.toText(type,
                    type.kind() == dev.muru.core.TypeKind.DECIMAL ? java.math.BigDecimal.valueOf((Long) value, type.scale())
                            : type.kind() == dev.muru.core.TypeKind.DATE ? java.time.LocalDate.ofEpochDay((Integer) value)
                            : value);
        }
    }

    /** A function or operator applied to arguments. */
    record Call(Function function, List<BoundExpr> args, DataType type) implements BoundExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return function.name().toLowerCase() + args;
        }
    }

    /** CAST(input AS type), with SQL's conversion and overflow rules. */
    record Cast(BoundExpr input, DataType type) implements BoundExpr {
        @Override
        public String toString() {
            return "cast(" + input + " as " + type + ")";
        }
    }

    /**
     * Searched CASE: the first condition that is TRUE picks its result; none picks
     * {@code elseResult}, which the binder sets to a NULL constant when absent. All results
     * have {@code type}.
     */
    record Case(List<BoundExpr> conditions, List<BoundExpr> results, BoundExpr elseResult, DataType type)
            implements BoundExpr {
        public Case {
            conditions = List.copyOf(conditions);
            results = List.copyOf(results);
        }

        @Override
        public String toString() {
            return "case" + conditions + "->" + results + " else " + elseResult;
        }
    }

    /**
     * value [NOT] IN (list): every list item has the value's type. With SQL's rule: TRUE if
     * equal to an item, else NULL if the value or any item is NULL, else FALSE (negated flips
     * TRUE and FALSE, NULL stays NULL). Type BOOLEAN.
     */
    record InList(BoundExpr value, List<BoundExpr> list, boolean negated) implements BoundExpr {
        public InList {
            list = List.copyOf(list);
        }

        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }

        @Override
        public String toString() {
            return value + (negated ? " not in " : " in ") + list;
        }
    }
}
