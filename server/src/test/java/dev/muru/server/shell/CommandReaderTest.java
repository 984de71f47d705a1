package dev.muru.server.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandReaderTest {

    @Test
    void gathersLinesUntilSemicolon() {
        CommandReader reader = new CommandReader();
        assertEquals(List.of(), reader.addLine("select a,"));
        assertFalse(reader.isEmpty());
        assertEquals(List.of(new CommandReader.Command(false, "select a,\n  b from t")), reader.addLine("  b from t;"));
        assertTrue(reader.isEmpty());
    }

    @Test
    void dotCommandsOnlyBetweenStatements() {
        CommandReader reader = new CommandReader();
        assertEquals(List.of(new CommandReader.Command(true, ".tables")), reader.addLine("  .tables  "));
        reader.addLine("select 'x");
        // Inside an open string a leading dot is data, not a command.
        assertEquals(List.of(new CommandReader.Command(false, "select 'x\n.y'")), reader.addLine(".y';"));
    }

    @Test
    void textWithSeveralCommands() {
        CommandReader reader = new CommandReader();
        List<CommandReader.Command> commands = reader.addText(".mode csv\nselect 1; select 2;\n.quit");
        assertEquals(List.of(new CommandReader.Command(true, ".mode csv"), new CommandReader.Command(false, "select 1"),
                new CommandReader.Command(false, "select 2"), new CommandReader.Command(true, ".quit")), commands);
    }

    @Test
    void finishReturnsTheUnterminatedStatement() {
        CommandReader reader = new CommandReader();
        reader.addText("select 1;\nselect 2");
        assertEquals(Optional.of(new CommandReader.Command(false, "select 2")), reader.finish());
        assertEquals(Optional.empty(), reader.finish());
        reader.addText("-- only a comment");
        assertTrue(reader.isEmpty());
        assertEquals(Optional.empty(), reader.finish());
    }

    @Test
    void promptParserAcceptsOnlyCompleteInput() {
        assertTrue(SqlLineParser.isComplete(""));
        assertTrue(SqlLineParser.isComplete(".tables"));
        assertTrue(SqlLineParser.isComplete("select 1;"));
        assertTrue(SqlLineParser.isComplete("select 1;\nselect 2; -- c"));
        assertFalse(SqlLineParser.isComplete("select 1"));
        assertFalse(SqlLineParser.isComplete("select ';"));
    }
}
