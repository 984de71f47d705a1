package dev.muru.operators.aggregate;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.Test;

import static dev.muru.operators.aggregate.AggregateKind.AVG;
import static dev.muru.operators.aggregate.AggregateKind.COUNT;
import static dev.muru.operators.aggregate.AggregateKind.COUNT_STAR;
import static dev.muru.operators.aggregate.AggregateKind.MAX;
import static dev.muru.operators.aggregate.AggregateKind.MIN;
import static dev.muru.operators.aggregate.AggregateKind.SUM;
import static dev.muru.operators.aggregate.AggregateSpec.resultTypeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AggregateSpecTest {

    @Test
    void resultTypes() {
        DataType dec = DataType.decimal(9, 3);
        assertEquals(DataType.BIGINT, resultTypeOf(COUNT_STAR, null));
        assertEquals(DataType.BIGINT, resultTypeOf(COUNT, DataType.VARCHAR));
        assertEquals(DataType.BIGINT, resultTypeOf(SUM, DataType.INTEGER));
        assertEquals(DataType.BIGINT, resultTypeOf(SUM, DataType.BIGINT));
        assertEquals(DataType.decimal(18, 3), resultTypeOf(SUM, dec));
        assertEquals(DataType.DOUBLE, resultTypeOf(SUM, DataType.DOUBLE));
        assertEquals(DataType.DOUBLE, resultTypeOf(AVG, DataType.INTEGER));
        assertEquals(DataType.DOUBLE, resultTypeOf(AVG, dec));
        assertEquals(DataType.DATE, resultTypeOf(MIN, DataType.DATE));
        assertEquals(DataType.varchar(5), resultTypeOf(MAX, DataType.varchar(5)));
        assertEquals(DataType.BOOLEAN, resultTypeOf(MAX, DataType.BOOLEAN));
    }

    @Test
    void sumOfTextIsATypeError() {
        MuruException e = assertThrows(MuruException.class, () -> resultTypeOf(SUM, DataType.VARCHAR));
        assertEquals(ErrorCode.DATATYPE_MISMATCH, e.code());
        assertThrows(MuruException.class, () -> resultTypeOf(AVG, DataType.DATE));
    }

    @Test
    void specsCheckTheirShape() {
        assertThrows(IllegalArgumentException.class,
                () -> new AggregateSpec(COUNT_STAR, false, 0, null, DataType.BIGINT));
        assertThrows(IllegalArgumentException.class,
                () -> new AggregateSpec(SUM, false, -1, DataType.BIGINT, DataType.BIGINT));
        assertThrows(IllegalArgumentException.class,
                () -> new AggregateSpec(AVG, false, 0, DataType.BIGINT, DataType.BIGINT));
        assertEquals(AggregateSpec.countStar(), AggregateSpec.of(COUNT_STAR, true, -1, null));
    }
}
