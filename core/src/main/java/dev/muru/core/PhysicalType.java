package dev.muru.core;

/** How a column is held in memory: the primitive array behind its vector. */
public enum PhysicalType {
    BOOLEAN,
    INT,
    LONG,
    DOUBLE,
    STRING
}
