package dev.muru.parser;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.parser.ast.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexStatementTest {
    @Test
    void keyConstraintsInCreateTable() {
        Statement.CreateTable t = (Statement.CreateTable) SqlParser.parseStatement(
                "CREATE TABLE t (pk INTEGER PRIMARY KEY, u TEXT UNIQUE NOT NULL, v INT NULL, UNIQUE (u, v))");
        assertTrue(t.columns().get(0).notNull(), "a primary key column is NOT NULL");
        assertTrue(t.columns().get(1).notNull());
        assertFalse(t.columns().get(2).notNull());
        assertEquals(3, t.keys().size());
        assertTrue(t.keys().get(0).primary());
        assertEquals(List.of("pk"), t.keys().get(0).columns());
        assertEquals(List.of("u"), t.keys().get(1).columns());
        assertEquals(List.of("u", "v"), t.keys().get(2).columns());
        Statement.CreateTable p = (Statement.CreateTable) SqlParser.parseStatement("create table w (a int, b int, primary key (a, b))");
        assertTrue(p.keys().get(0).primary());
        assertEquals(List.of("a", "b"), p.keys().get(0).columns());
    }

    @Test
    void indexStatements() {
        Statement.CreateIndex i = (Statement.CreateIndex) SqlParser.parseStatement("CREATE UNIQUE INDEX IF NOT EXISTS i1 ON t (a DESC, b ASC, c)");
        assertEquals("i1", i.name());
        assertEquals("t", i.table());
        assertEquals(List.of("a", "b", "c"), i.columns());
        assertTrue(i.unique() && i.ifNotExists());
        Statement.CreateIndex plain = (Statement.CreateIndex) SqlParser.parseStatement("create index i2 on t(a)");
        assertFalse(plain.unique() || plain.ifNotExists());
        Statement.DropIndex d = (Statement.DropIndex) SqlParser.parseStatement("DROP INDEX IF EXISTS i1");
        assertEquals("i1", d.name());
        assertTrue(d.ifExists());
        assertNull(((Statement.Reindex) SqlParser.parseStatement("REINDEX")).name());
        assertEquals("i2", ((Statement.Reindex) SqlParser.parseStatement("reindex i2")).name());
        // INDEX, KEY and REINDEX stay usable as names.
        SqlParser.parseStatement("SELECT index, key, reindex FROM index");
        MuruException e = assertThrows(MuruException.class, () -> SqlParser.parseStatement("CREATE INDEX ON t (a)"));
        assertEquals(ErrorCode.SYNTAX_ERROR, e.code());
    }
}
