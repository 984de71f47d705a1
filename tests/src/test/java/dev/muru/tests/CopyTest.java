package dev.muru.tests;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** COPY FROM through SQL: good files load, a bad row fails the statement and changes nothing. */
class CopyTest {
    static Muru muru;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        muru = Muru.start(MuruSettings.load());
        muru.execute("CREATE TABLE items (id INTEGER NOT NULL, price DECIMAL(10,2), day DATE, label VARCHAR(10))");
    }

    @AfterAll
    static void stop() {
        muru.close();
    }

    private static long count() {
        return (Long) muru.query("SELECT COUNT(*) FROM items").rows().get(0)[0];
    }

    @Test
    void loadsPipeSeparatedFileWithHeader() throws IOException {
        Path f = dir.resolve("good.tbl");
        Files.writeString(f, "id|price|day|label\n1|9.99|1995-01-02|apple\n2||1995-01-03|\"pear|s\"\n3|0.50|1996-02-29|\n");
        long before = count();
        assertEquals(3, muru.execute("COPY items FROM '" + f + "' (DELIMITER '|', HEADER)"));
        assertEquals(before + 3, count());
        assertEquals("pear|s", muru.query("SELECT label FROM items WHERE id = 2").rows().get(0)[0]);
        assertEquals(null, muru.query("SELECT price FROM items WHERE id = 2").rows().get(0)[0]);
    }

    @Test
    void badRowFailsWholeStatementWithFileLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "10,1.00,1995-01-01,a\n11,2.00,1995-01-01,b\n12,abc,1995-01-01,c\n");
        long before = count();
        MuruException e = assertThrows(MuruException.class, () -> muru.execute("COPY items FROM '" + f + "'"));
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, e.code());
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 3")
                && e.getMessage().contains("column 2"), e.getMessage());
        assertEquals(before, count(), "a failed COPY must append nothing");

        Path tooLong = dir.resolve("long.csv");
        Files.writeString(tooLong, "20,1.00,1995-01-01,ok\n21,1.00,1995-01-01,much-too-long-label\n");
        assertThrows(MuruException.class, () -> muru.execute("COPY items FROM '" + tooLong + "'"));
        assertEquals(before, count());

        MuruException missing = assertThrows(MuruException.class,
                () -> muru.execute("COPY items FROM '" + dir.resolve("nope.csv") + "'"));
        assertEquals(ErrorCode.IO_ERROR, missing.code());
        // The engine keeps serving statements after bad input.
        assertEquals(before, count());
    }
}
