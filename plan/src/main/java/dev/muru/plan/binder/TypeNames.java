package dev.muru.plan.binder;

import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.TypeName;

import java.util.List;

/** Maps type names as written, with PostgreSQL's synonyms, to {@link DataType}. */
public final class TypeNames {
    private TypeNames() {
    }

    public static DataType resolve(TypeName t) {
        List<Integer> p = t.parameters();
        try {
            switch (t.name()) {
                case "BOOLEAN": case "BOOL":
                    return none(t, DataType.BOOLEAN);
                case "INT": case "INTEGER": case "INT4": case "SMALLINT": case "INT2": case "TINYINT":
                    return none(t, DataType.INTEGER);
                case "BIGINT": case "INT8": case "LONG":
                    return none(t, DataType.BIGINT);
                case "DOUBLE": case "DOUBLE PRECISION": case "FLOAT": case "FLOAT8": case "REAL": case "FLOAT4":
                    return DataType.DOUBLE;
                case "DECIMAL": case "NUMERIC": case "DEC":
                    if (p.isEmpty()) {
                        return DataType.decimal(18, 3);
                    }
                    return DataType.decimal(p.get(0), p.size() > 1 ? p.get(1) : 0);
                case "VARCHAR": case "CHARACTER VARYING": case "VARCHAR2": case "NVARCHAR":
                    return p.isEmpty() ? DataType.VARCHAR : DataType.varchar(p.get(0));
                case "TEXT": case "STRING": case "CLOB":
                    return none(t, DataType.VARCHAR);
                case "CHAR": case "CHARACTER": case "NCHAR":
                    return DataType.character(p.isEmpty() ? 1 : p.get(0));
                case "DATE":
                    return none(t, DataType.DATE);
                default:
                    throw new MuruException(ErrorCode.INVALID_TYPE, "type \"" + t.name().toLowerCase() + "\" does not exist",
                            t.pos().line(), t.pos().column());
            }
        } catch (MuruException e) {
            throw e.at(t.pos().line(), t.pos().column());
        }
    }

    private static DataType none(TypeName t, DataType type) {
        if (!t.parameters().isEmpty()) {
            throw new MuruException(ErrorCode.INVALID_TYPE, "type " + t.name() + " takes no parameters",
                    t.pos().line(), t.pos().column());
        }
        return type;
    }
}
