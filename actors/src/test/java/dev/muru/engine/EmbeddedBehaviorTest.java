package dev.muru.engine;

import dev.muru.MuruSettings;
import dev.muru.core.ErrorCode;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A service spawns the engine behavior in its own ActorSystem and talks to it by messages. */
class EmbeddedBehaviorTest {
    static final ActorTestKit kit = ActorTestKit.create(MuruSettings.load().config());

    @AfterAll
    static void shutdown() {
        kit.shutdownTestKit();
    }

    private static MuruEngine.QueryResponse run(ActorRef<MuruEngine.Command> engine, String sql) {
        TestProbe<MuruEngine.QueryResponse> probe = kit.createTestProbe();
        engine.tell(new MuruEngine.RunQuery(sql, probe.getRef()));
        return probe.receiveMessage(java.time.Duration.ofSeconds(20));
    }

    @Test
    void runsStatementsByMessage() {
        ActorRef<MuruEngine.Command> engine = kit.spawn(MuruEngine.create(MuruSettings.load()), "muru-engine");
        assertInstanceOf(MuruEngine.QuerySucceeded.class, run(engine, "CREATE TABLE t (a INTEGER, b VARCHAR)"));
        MuruEngine.QueryResponse ins = run(engine, "INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, NULL)");
        assertEquals(3, ((MuruEngine.QuerySucceeded) ins).result().updateCount());
        MuruEngine.QueryResponse q = run(engine, "SELECT SUM(a), COUNT(b) FROM t");
        List<Object[]> rows = ((MuruEngine.QuerySucceeded) q).result().rows();
        assertEquals(6L, rows.get(0)[0]);
        assertEquals(2L, rows.get(0)[1]);
        MuruEngine.QueryResponse bad = run(engine, "SELECT nope FROM t");
        assertEquals(ErrorCode.UNDEFINED_COLUMN, ((MuruEngine.QueryFailed) bad).error().code());
    }
}
