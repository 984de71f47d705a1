package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.Statement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParseCacheTest {
    @Test
    void theSameTextGivesTheSameStatementWithItsParameters() {
        String sql = "SELECT * FROM t WHERE a = ? AND b > ? -- cache test";
        Statement first = SqlParser.parseCached(sql);
        assertSame(first, SqlParser.parseCached(sql));
        assertEquals(SqlParser.parseStatement(sql), first, "the cached AST equals a fresh parse");
        assertEquals(2, SqlParser.parameterCount(first));
        assertEquals(SqlParser.parameters(SqlParser.parseStatement(sql)), SqlParser.parameters(first));
        assertNotSame(first, SqlParser.parseCached(sql + " "));
    }

    @Test
    void syntaxErrorsAreNotCachedAndStillReported() {
        for (int i = 0; i < 2; i++) {
            MuruException e = assertThrows(MuruException.class, () -> SqlParser.parseCached("SELECT * FORM t"));
            assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
        }
    }

    @Test
    void theCacheStaysBounded() {
        for (int i = 0; i < SqlParser.CACHE_SIZE * 3; i++) {
            String sql = "SELECT " + i;
            assertEquals(SqlParser.parseStatement(sql), SqlParser.parseCached(sql));
        }
    }
}
