package dev.muru.parser;

import dev.muru.parser.ast.QueryBody;
import dev.muru.parser.ast.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** All 22 TPC-H queries from the shared folder parse; tests run with the module folder as cwd. */
class TpchQueriesTest {
    private static final Path QUERIES = Path.of("../../shared/tpch/queries");

    static Stream<String> queryFiles() {
        return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d.sql", i));
    }

    @ParameterizedTest
    @MethodSource("queryFiles")
    void parses(String file) throws IOException {
        Path path = QUERIES.resolve(file);
        assertTrue(Files.isRegularFile(path), "TPC-H query missing: " + path.toAbsolutePath().normalize());
        String sql = Files.readString(path);
        Statement statement = SqlParser.parseStatement(sql);
        Statement.Select select = assertInstanceOf(Statement.Select.class, statement);
        assertInstanceOf(QueryBody.Select.class, select.query().body());
        assertEquals(1, SqlParser.parseScript(sql).size());
    }
}
