package dev.muru.server.sqllogictest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sqllogictest script parsed into records, as SQLite's format defines them (see
 * ../shared/sqllogictest/README.md): blank-line separated records, '#' comment lines dropped
 * anywhere, one trailing CR stripped per line, skipif/onlyif conditions before a record.
 */
public final class SltScript {

    /** A record of the script; {@code line} is its first line (1-based), for reports. */
    public sealed interface Record {
        int line();
    }

    public record Statement(String sql, boolean expectError, int line) implements Record {
    }

    /**
     * A query: its column types (I, T, R), sort mode, optional label, and either the expected
     * values or, for a hashed result, {@code hashedCount} values hashing to {@code hash}.
     */
    public record Query(String sql, String types, String sortMode, String label, List<String> expected,
                        int hashedCount, String hash, int line) implements Record {
    }

    public record HashThreshold(int threshold, int line) implements Record {
    }

    public record Halt(int line) implements Record {
    }

    /** A record that the engine under test skips (a condition names another engine, or skips it). */
    public record Skipped(Record record) implements Record {
        @Override
        public int line() {
            return record.line();
        }
    }

    private SltScript() {
    }

    /** The records of a file, with conditions applied for {@code engine} (e.g. "postgresql"). */
    public static List<Record> parse(Path file, String engine) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), engine);
    }

    public static List<Record> parse(String text, String engine) {
        String[] lines = text.split("\n", -1);
        List<Record> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            // Gather one block: non-blank lines up to a blank one, comments dropped.
            List<String> block = new ArrayList<>();
            int first = -1;
            while (i < lines.length) {
                String l = strip(lines[i]);
                i++;
                if (l.startsWith("#")) {
                    continue;
                }
                if (l.isBlank()) {
                    if (block.isEmpty()) {
                        continue;
                    }
                    break;
                }
                if (block.isEmpty()) {
                    first = i;
                }
                block.add(l);
            }
            if (!block.isEmpty()) {
                out.add(record(block, first, engine));
            }
        }
        return out;
    }

    private static String strip(String l) {
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }

    private static Record record(List<String> block, int line, String engine) {
        boolean skip = false;
        int k = 0;
        while (k < block.size() && (block.get(k).startsWith("skipif ") || block.get(k).startsWith("onlyif "))) {
            String[] w = block.get(k).trim().split("\\s+");
            String named = w.length > 1 ? w[1].toLowerCase(Locale.ROOT) : "";
            if (w[0].equals("skipif") ? named.equals(engine) : !named.equals(engine)) {
                skip = true;
            }
            k++;
            line++;
        }
        Record r = parse(block.subList(k, block.size()), line);
        return skip ? new Skipped(r) : r;
    }

    private static Record parse(List<String> block, int line) {
        String head = block.isEmpty() ? "" : block.get(0).trim();
        String[] w = head.split("\\s+");
        switch (w[0]) {
            case "statement":
                return new Statement(String.join("\n", block.subList(1, block.size())), w.length > 1 && w[1].equals("error"), line);
            case "hash-threshold":
                return new HashThreshold(Integer.parseInt(w[1]), line);
            case "halt":
                return new Halt(line);
            case "query":
                int sep = block.indexOf("----");
                List<String> sqlLines = block.subList(1, sep < 0 ? block.size() : sep);
                List<String> results = sep < 0 ? List.of() : new ArrayList<>(block.subList(sep + 1, block.size()));
                String types = w.length > 1 ? w[1] : "";
                String sort = w.length > 2 ? w[2] : "nosort";
                String label = w.length > 3 ? w[3] : null;
                if (results.size() == 1 && results.get(0).matches("\\d+ values hashing to [0-9a-f]{32}")) {
                    String[] h = results.get(0).split(" ");
                    return new Query(String.join("\n", sqlLines), types, sort, label, null, Integer.parseInt(h[0]), h[4], line);
                }
                List<String> values = new ArrayList<>();
                for (String r : results) {
                    values.add(r.trim());
                }
                return new Query(String.join("\n", sqlLines), types, sort, label, values, -1, null, line);
            default:
                throw new IllegalArgumentException("line " + line + ": unknown record \"" + head + "\"");
        }
    }
}
