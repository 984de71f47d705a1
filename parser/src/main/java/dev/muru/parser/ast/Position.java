package dev.muru.parser.ast;

/** A place in the SQL text: 1-based line and column. */
public record Position(int line, int column) {
    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
