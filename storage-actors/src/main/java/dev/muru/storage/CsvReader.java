package dev.muru.storage;

import dev.muru.core.Column;
import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a UTF-8 CSV file into morsels of a table's schema, for COPY ... FROM.
 *
 * <p>Format: fields separated by {@code delimiter}, RFC 4180 quoting (see {@link CsvTokenizer}).
 * An unquoted empty field, or an unquoted field equal to {@code nullText}, is NULL; a quoted
 * empty field {@code ""} is the empty string. A line may end with one extra delimiter when it
 * then has exactly one more (empty) field than expected: TPC-H {@code .tbl} files end every
 * line with {@code |}. Blank lines are skipped.
 *
 * <p>Any bad row fails the whole read with {@link ErrorCode#CSV_FORMAT_ERROR} (or
 * {@link ErrorCode#NOT_NULL_VIOLATION} for a NULL in a NOT NULL column) naming the file, the
 * 1-based line and the 1-based field number with its column name.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /**
     * @param targetColumns for each CSV field, the index of the table column it fills, or null
     *                      for all table columns in order; columns not listed are NULL
     * @param nullText      unquoted text that means NULL besides the empty field; may be null
     * @param morselRows    rows per returned morsel (the last one may be smaller)
     */
    public static List<Morsel> read(Path file, Schema schema, int[] targetColumns, char delimiter,
                                    boolean header, String nullText, int morselRows) {
        return read(file, schema, targetColumns, delimiter, header, nullText, morselRows, true);
    }

    /** As above; {@code checkLengths} false stores strings longer than their column's declared length whole. */
    public static List<Morsel> read(Path file, Schema schema, int[] targetColumns, char delimiter,
                                    boolean header, String nullText, int morselRows, boolean checkLengths) {
        int[] targets = targetColumns == null ? allColumns(schema.size()) : targetColumns;
        checkArguments(schema, targets, delimiter, morselRows);
        String label = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvTokenizer tokens = new CsvTokenizer(in, delimiter, label);
            try {
                return new Load(schema, targets, header, nullText, morselRows, tokens, label, checkLengths).run();
            } catch (CharacterCodingException e) {
                throw new MuruException(ErrorCode.CSV_FORMAT_ERROR,
                        label + " line " + tokens.currentLine() + ": invalid UTF-8", e);
            }
        } catch (NoSuchFileException e) {
            throw new MuruException(ErrorCode.IO_ERROR, "could not open file \"" + label + "\": no such file", e);
        } catch (IOException e) {
            throw new MuruException(ErrorCode.IO_ERROR, "could not read file \"" + label + "\": " + e.getMessage(), e);
        }
    }

    private static int[] allColumns(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static void checkArguments(Schema schema, int[] targets, char delimiter, int morselRows) {
        if (morselRows < 1) {
            throw new IllegalArgumentException("morselRows must be positive, got " + morselRows);
        }
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new MuruException(ErrorCode.INVALID_SETTING,
                    "COPY delimiter cannot be " + (delimiter == '"' ? "the quote character" : "a line break"));
        }
        if (targets.length == 0) {
            throw new MuruException(ErrorCode.INSERT_COLUMN_MISMATCH, "COPY needs at least one column");
        }
        boolean[] seen = new boolean[schema.size()];
        for (int t : targets) {
            if (t < 0 || t >= schema.size()) {
                throw new MuruException(ErrorCode.UNDEFINED_COLUMN, "COPY column index " + t + " does not exist");
            }
            if (seen[t]) {
                throw new MuruException(ErrorCode.DUPLICATE_COLUMN,
                        "column \"" + schema.name(t) + "\" specified more than once");
            }
            seen[t] = true;
        }
    }

    /** The state of one read: the column parsers and the morsels produced so far. */
    private static final class Load {
        private final Schema schema;
        private final int[] targets;
        private final boolean header;
        private final String nullText;
        private final int morselRows;
        private final CsvTokenizer tokens;
        private final String label;
        private final CsvColumn[] parsers;
        private final List<Morsel> out = new ArrayList<>();
        private int rows;

        Load(Schema schema, int[] targets, boolean header, String nullText, int morselRows,
             CsvTokenizer tokens, String label, boolean checkLengths) {
            this.schema = schema;
            this.targets = targets;
            this.header = header;
            this.nullText = nullText;
            this.morselRows = morselRows;
            this.tokens = tokens;
            this.label = label;
            this.parsers = new CsvColumn[targets.length];
            for (int f = 0; f < targets.length; f++) {
                parsers[f] = new CsvColumn(schema.type(targets[f]), morselRows, checkLengths);
            }
        }

        List<Morsel> run() throws IOException {
            boolean skipHeader = header;
            while (tokens.next()) {
                if (skipHeader) {
                    skipHeader = false;
                    continue;
                }
                readRecord();
                if (++rows == morselRows) {
                    flush();
                }
            }
            if (rows > 0) {
                flush();
            }
            return out;
        }

        private void readRecord() {
            int fields = tokens.fieldCount();
            int expected = targets.length;
            if (fields == expected + 1 && !tokens.quoted(expected) && tokens.field(expected).isEmpty()) {
                fields = expected;
            }
            if (fields < expected) {
                throw error(fields, "missing field: expected " + expected + " fields, got " + fields);
            }
            if (fields > expected) {
                throw new MuruException(ErrorCode.CSV_FORMAT_ERROR, label + " line " + tokens.recordLine()
                        + ", column " + (expected + 1) + ": extra field: expected " + expected + " fields, got " + fields);
            }
            for (int f = 0; f < expected; f++) {
                String text = tokens.field(f);
                boolean isNull = !tokens.quoted(f) && (text.isEmpty() || text.equals(nullText));
                if (isNull) {
                    Column col = schema.column(targets[f]);
                    if (!col.nullable()) {
                        throw new MuruException(ErrorCode.NOT_NULL_VIOLATION, location(f) + ": "
                                + MorselValidator.notNullViolation(col.name()).detail());
                    }
                    parsers[f].setNull(rows);
                    continue;
                }
                try {
                    parsers[f].parse(text, rows);
                } catch (MuruException e) {
                    throw error(f, e.detail());
                }
            }
        }

        private void flush() {
            ColumnVector[] vectors = new ColumnVector[schema.size()];
            for (int f = 0; f < targets.length; f++) {
                vectors[targets[f]] = parsers[f].finish(rows);
            }
            for (int c = 0; c < vectors.length; c++) {
                if (vectors[c] == null) {
                    vectors[c] = ColumnVector.allNull(schema.type(c), rows);
                }
            }
            out.add(new Morsel(vectors, rows));
            rows = 0;
        }

        private String location(int field) {
            return label + " line " + tokens.recordLine() + ", column " + (field + 1)
                    + " (" + schema.name(targets[field]) + ")";
        }

        private MuruException error(int field, String problem) {
            return new MuruException(ErrorCode.CSV_FORMAT_ERROR, location(field) + ": " + problem);
        }
    }
}
