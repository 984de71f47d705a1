package dev.muru.server.shell;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.core.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell over a piped script, as {@code ./muru shell < script.sql} runs it. */
class ShellScriptTest {
    private static Muru muru;

    /** What one shell run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void start() {
        muru = Muru.start(MuruSettings.load());
    }

    @AfterAll
    static void stop() {
        muru.close();
    }

    private static Run script(OutputMode mode, boolean timer, String script) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Shell shell = new Shell(muru, mode, timer, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = shell.runScript(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
        return new Run(status, normalize(out), normalize(err));
    }

    private static String normalize(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void csvScriptReportsErrorsOnStderrAndContinues() {
        Run run = script(OutputMode.CSV, false, String.join("\n",
                "create table csv_t (id integer, name varchar(10));",
                "insert into csv_t values (1, 'a,b'), (2, null), (3, 'x\"y');",
                "select * from csv_t order by id;",
                "select * from no_such_table;",
                "-- a statement over several lines, with a ; in a comment and in a string",
                "select count(*) as n, ';' as s",
                "  from csv_t;",
                "select max(id) as m from csv_t"));
        assertEquals(1, run.status());
        assertEquals("id,name\n1,\"a,b\"\n2,\n3,\"x\"\"y\"\n" + "n,s\n3,;\n" + "m\n3\n", run.out());
        assertTrue(run.err().startsWith("ERROR: UNDEFINED_TABLE (42P01)"), run.err());
    }

    @Test
    void readRunsTheStatementsOfAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("q.sql");
        java.nio.file.Files.writeString(file, "create table read_t (k integer);\ninsert into read_t values (1), (2);\n"
                + "select sum(k) as s\n  from read_t;\n");
        Run run = script(OutputMode.CSV, false, "\\i " + file + "\n.read " + file.toString().replace("q.sql", "missing.sql")
                + "\nselect count(*) as n from read_t;\n");
        assertEquals("s\n3\nn\n2\n", run.out());
        assertTrue(run.err().contains("IO_ERROR"), run.err());
        assertEquals(1, run.status());
    }

    @Test
    void syntaxErrorShowsLineAndCaret() {
        Run run = script(OutputMode.TABLE, false, "select 1,\n  2 frm dual;\n");
        assertEquals(1, run.status());
        assertEquals("", run.out());
        String[] lines = run.err().split("\n");
        assertTrue(lines[0].startsWith("ERROR: SYNTAX_ERROR (42601) at line "), run.err());
        assertTrue(lines[1].startsWith("LINE "), run.err());
        assertTrue(lines[2].endsWith("^"), run.err());
        // The caret sits under the column the error names.
        String column = lines[0].replaceAll(".* column (\\d+):.*", "$1");
        assertEquals(lines[1].indexOf(": ") + 2 + Integer.parseInt(column) - 1, lines[2].indexOf('^'), run.err());
    }

    @Test
    void successfulScriptExitsZero() {
        Run run = script(OutputMode.TABLE, false, "select 1 as one;\nselect 'a' as x, 2.50 as y;\n");
        assertEquals(0, run.status(), run.err());
        assertEquals(" one\n-----\n   1\n(1 row)\n x |    y\n---+------\n a | 2.50\n(1 row)\n", run.out());
        assertEquals("", run.err());
    }

    @Test
    void tableModePrintsStatusAndTimer() {
        Run run = script(OutputMode.TABLE, true, "create table status_t (a integer);\ninsert into status_t values (1), (2);\n");
        assertEquals(0, run.status(), run.err());
        List<String> lines = List.of(run.out().split("\n"));
        assertEquals(4, lines.size(), run.out());
        assertEquals("CREATE TABLE", lines.get(0));
        assertTrue(lines.get(1).matches("Time: \\d+\\.\\d{3} ms"), run.out());
        assertEquals("INSERT 2", lines.get(2));
    }

    @Test
    void dotCommandsInScripts() {
        muru.execute("create table dot_t (id integer not null, label char(3))");
        Run run = script(OutputMode.CSV, false, ".schema dot_t\n.mode json\nselect id from dot_t;\n.bogus\n.quit\nselect 1;\n");
        assertEquals(1, run.status());
        assertEquals("column,type,nullable\nid,INTEGER,NO\nlabel,CHAR(3),YES\n[]\n", run.out());
        assertTrue(run.err().contains("unknown command .bogus"), run.err());
        Run tables = script(OutputMode.CSV, false, ".tables\n");
        assertTrue(tables.out().startsWith("table\n"), tables.out());
        assertTrue(tables.out().contains("\ndot_t\n"), tables.out());
    }

    @Test
    void commandTextRunsSeveralStatements() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Shell shell = new Shell(muru, OutputMode.JSON, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(0, shell.runText("select 1 as a; select 'q\"' as b"));
        assertEquals("[{\"a\":1}]\n[{\"b\":\"q\\\"\"}]\n", normalize(out));
    }

    @Test
    void statusTags() {
        Schema none = new Schema(List.of());
        assertEquals("INSERT 3", Shell.status(new QueryResult("INSERT", none, List.of(), 3, 0)));
        assertEquals("DELETE 0", Shell.status(new QueryResult("delete", none, List.of(), 0, 0)));
        assertEquals("CREATE TABLE", Shell.status(new QueryResult("CREATE_TABLE", none, List.of(), 0, 0)));
    }
}
