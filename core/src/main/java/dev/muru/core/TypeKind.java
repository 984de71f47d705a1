package dev.muru.core;

/** The SQL types Muru knows. */
public enum TypeKind {
    BOOLEAN,
    INTEGER,
    BIGINT,
    DOUBLE,
    DECIMAL,
    VARCHAR,
    CHAR,
    DATE,
    /** The type of an untyped NULL literal; it takes the type its context asks for. */
    NULL
}
