package dev.muru.server.shell;

import java.util.Locale;

/** The shell's output formats, as {@code --mode} and {@code .mode} name them. */
public enum OutputMode {
    TABLE,
    CSV,
    JSON;

    /** The mode of a user-typed name, or null when there is none by that name. */
    public static OutputMode parse(String name) {
        for (OutputMode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        return null;
    }

    public ResultPrinter printer() {
        switch (this) {
            case TABLE: return new TablePrinter();
            case CSV: return new CsvPrinter();
            case JSON: return new JsonPrinter();
            default: throw new IllegalStateException(name());
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
