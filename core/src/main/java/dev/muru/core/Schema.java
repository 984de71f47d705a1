package dev.muru.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An ordered list of columns. Lookup by name is case-insensitive, like SQL identifiers. */
public record Schema(List<Column> columns) {
    public Schema {
        columns = List.copyOf(columns);
    }

    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int i) {
        return columns.get(i);
    }

    public DataType type(int i) {
        return columns.get(i).type();
    }

    public String name(int i) {
        return columns.get(i).name();
    }

    /** Index of the column with this name (case-insensitive), or -1. */
    public int indexOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(n)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.name());
        }
        return out;
    }

    public List<DataType> types() {
        List<DataType> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.type());
        }
        return out;
    }
}
