package dev.muru.server.demo;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A TPC-H table as the demo creates it: the generator that produces its rows, its columns,
 * and its row count at scale factor 1, which sizes the parallel generation.
 */
public record DemoTable<E extends TpchEntity>(TpchTable<E> source, long rowsAtScale1, boolean scales,
                                      List<DemoColumn<E>> columns) {

    public String name() {
        return source.getTableName();
    }

    String createStatement() {
        return columns.stream().map(DemoColumn::definition)
                .collect(Collectors.joining(",\n  ", "CREATE TABLE " + name() + " (\n  ", "\n)"));
    }
}
