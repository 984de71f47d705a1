package dev.muru.parser.ast;

import java.util.List;

/**
 * A type as written: upper-cased base name ("DECIMAL", "VARCHAR", "INT", "DOUBLE PRECISION",
 * "TEXT", ...) and its numeric parameters, e.g. DECIMAL(15,2) is ("DECIMAL", [15, 2]).
 * The binder maps names and synonyms to {@code DataType}.
 */
public record TypeName(String name, List<Integer> parameters, Position pos) {
    public TypeName {
        parameters = List.copyOf(parameters);
    }
}
