package dev.muru.server;

import dev.muru.server.shell.OutputMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MuruMainTest {

    @Test
    void shellDefaults() {
        MuruMain.Options o = MuruMain.parse(new String[] {"shell"});
        assertFalse(o.demo());
        assertEquals(OutputMode.TABLE, o.mode());
        assertNull(o.command());
    }

    @Test
    void demoModeAndCommand() {
        MuruMain.Options o = MuruMain.parse(new String[] {"shell", "--demo", "--mode", "csv", "-c", "select 1;"});
        assertTrue(o.demo());
        assertEquals(MuruMain.DEFAULT_SCALE_FACTOR, o.scaleFactor());
        assertEquals(OutputMode.CSV, o.mode());
        assertEquals("select 1;", o.command());
        MuruMain.Options p = MuruMain.parse(new String[] {"shell", "--demo=0.01", "--mode=JSON"});
        assertEquals(0.01, p.scaleFactor());
        assertEquals(OutputMode.JSON, p.mode());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {}));
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {"serve"}));
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {"shell", "--bogus"}));
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {"shell", "--demo=0"}));
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {"shell", "--demo=abc"}));
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {"shell", "--mode", "xml"}));
        assertThrows(IllegalArgumentException.class, () -> MuruMain.parse(new String[] {"shell", "-c"}));
    }

    @Test
    void exitStatusOfHelpAndUsageErrors() {
        assertEquals(0, MuruMain.run(new String[] {"--help"}));
        assertEquals(2, MuruMain.run(new String[] {"shell", "--nope"}));
    }
}
