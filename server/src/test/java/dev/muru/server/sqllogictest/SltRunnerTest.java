package dev.muru.server.sqllogictest;

import dev.muru.MuruSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SltRunnerTest {
    static final String SCRIPT = String.join("\r\n",
            "# a comment",
            "statement ok",
            "CREATE TABLE t1(a INTEGER, b INTEGER)",
            "",
            "statement ok",
            "INSERT INTO t1 VALUES(1, 2), (3, 4), (5, NULL)",
            "",
            "onlyif mysql # not us",
            "statement ok",
            "THIS IS NOT SQL",
            "",
            "skipif postgresql",
            "query I nosort",
            "SELECT 1",
            "----",
            "2",
            "",
            "statement error",
            "SELECT nope FROM t1",
            "",
            "query II rowsort label-1",
            "SELECT a, b FROM t1",
            "# a comment inside a record",
            "----",
            "1",
            "2",
            "3",
            "4",
            "5",
            "NULL",
            "",
            "hash-threshold 2",
            "",
            "query I valuesort",
            "SELECT a FROM t1 WHERE a < 3",
            "----",
            "1",
            "",
            "query I rowsort",
            "SELECT b FROM t1 WHERE b IS NOT NULL",
            "----",
            "2 values hashing to bcc8bbd9ecc2b739bb05bb4d30e978a5",
            "",
            "query R nosort",
            "SELECT AVG(a) FROM t1",
            "----",
            "3.000",
            "",
            "query I nosort",
            "SELECT a FROM t1 WHERE a = 1",
            "----",
            "7",
            "",
            "onlyif postgresql",
            "halt",
            "",
            "query I nosort",
            "SELECT 'never run'",
            "----",
            "0",
            "");

    @Test
    void parsesRecordsConditionsAndHashes() {
        List<SltScript.Record> records = SltScript.parse(SCRIPT, SltRunner.ENGINE);
        assertEquals(13, records.size());
        assertInstanceOf(SltScript.Skipped.class, records.get(2));
        assertInstanceOf(SltScript.Skipped.class, records.get(3));
        SltScript.Query q = (SltScript.Query) records.get(5);
        assertEquals("II", q.types());
        assertEquals("rowsort", q.sortMode());
        assertEquals("label-1", q.label());
        assertEquals(List.of("1", "2", "3", "4", "5", "NULL"), q.expected());
        SltScript.Query hashed = (SltScript.Query) records.get(8);
        assertNull(hashed.expected());
        assertEquals(2, hashed.hashedCount());
        assertInstanceOf(SltScript.Halt.class, records.get(11));
    }

    @Test
    void rendersAsTheReferenceRunner() {
        assertEquals("NULL", SltRunner.render(null, 'I'));
        assertEquals("0", SltRunner.render(0.5, 'I'));
        assertEquals("-2", SltRunner.render(new java.math.BigDecimal("-2.7"), 'I'));
        assertEquals("1.250", SltRunner.render(1.25, 'R'));
        assertEquals("(empty)", SltRunner.render("", 'T'));
        assertEquals("a@b", SltRunner.render("a\tb", 'T'));
        assertEquals("6ddb4095eb719e2a9f0a3f95677d24e0", SltRunner.md5(List.of("1", "2")));
    }

    @Test
    void runsAScriptAndReportsFailuresWithTheirLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.test");
        Files.writeString(file, SCRIPT);
        for (MuruSettings s : List.of(MuruSettings.load().withThreshold(MuruSettings.NEVER),
                MuruSettings.load().withThreshold(0).withMorselRows(2).withParallelism(2))) {
            SltRunner.FileResult r = new SltRunner(s).run(file);
            assertEquals(8, r.run(), r.failures().toString());
            assertEquals(2, r.skipped());
            assertEquals(1, r.failed(), r.failures().toString());
            assertEquals(7, r.passed());
            SltRunner.Failure f = r.failures().get(0);
            assertEquals(49, f.line(), f.toString());
            assertEquals("[7]", f.expected());
            assertEquals("[1]", f.actual());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SltCommand.run(List.of("--mode", "parallel", dir.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertTrue(text.contains("8 run, 7 passed, 1 failed, 2 skipped"), text);
        assertTrue(text.contains("7 passed, 1 failed, 2 skipped"), text);
    }
}
