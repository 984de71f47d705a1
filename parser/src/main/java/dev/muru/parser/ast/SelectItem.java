package dev.muru.parser.ast;

/** One item of a SELECT list. */
public sealed interface SelectItem {
    Position pos();

    /** {@code *} (qualifier null) or {@code t.*}. */
    record AllColumns(String qualifier, Position pos) implements SelectItem {
    }

    /** expr [[AS] alias]; alias is null when not written. */
    record Single(Expr expr, String alias, Position pos) implements SelectItem {
    }
}
