package dev.muru.storage;

import dev.muru.core.Column;
import dev.muru.core.DataType;
import dev.muru.core.ErrorCode;
import dev.muru.core.Schema;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CatalogTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Schema SCHEMA = Schema.of(new Column("a", DataType.INTEGER), new Column("b", DataType.VARCHAR));

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    static Catalog.CatalogReply ask(ActorRef<Catalog.Command> catalog, java.util.function.Function<
            ActorRef<Catalog.CatalogReply>, Catalog.Command> message) {
        TestProbe<Catalog.CatalogReply> probe = KIT.createTestProbe();
        catalog.tell(message.apply(probe.getRef()));
        return probe.receiveMessage();
    }

    @Test
    void createDropAndErrors() {
        AtomicReference<CatalogView> published = new AtomicReference<>();
        ActorRef<Catalog.Command> catalog = KIT.spawn(Catalog.create(16, published));

        Catalog.Done created = assertInstanceOf(Catalog.Done.class,
                ask(catalog, r -> new Catalog.CreateTable("t", SCHEMA, false, r)));
        assertEquals("CREATE TABLE", created.message());
        TableHandle t = created.view().table("t");
        assertNotNull(t);
        assertNotNull(t.store());
        assertEquals(0, t.snapshot().version());
        assertSame(created.view(), published.get());

        Catalog.Failed dup = assertInstanceOf(Catalog.Failed.class,
                ask(catalog, r -> new Catalog.CreateTable("t", SCHEMA, false, r)));
        assertEquals(ErrorCode.DUPLICATE_TABLE, dup.error().code());
        assertEquals("table \"t\" already exists", dup.error().detail());

        Catalog.Done skipped = assertInstanceOf(Catalog.Done.class,
                ask(catalog, r -> new Catalog.CreateTable("t", SCHEMA, true, r)));
        assertEquals("table \"t\" already exists, skipped", skipped.message());
        assertSame(t, skipped.view().table("t"));

        // Names match exactly: "T" is another table.
        assertInstanceOf(Catalog.Done.class, ask(catalog, r -> new Catalog.CreateTable("T", SCHEMA, false, r)));
        assertEquals(List.of("T", "t"), List.copyOf(published.get().names()));

        Schema dupCols = Schema.of(new Column("x", DataType.INTEGER), new Column("x", DataType.BIGINT));
        Catalog.Failed dupCol = assertInstanceOf(Catalog.Failed.class,
                ask(catalog, r -> new Catalog.CreateTable("u", dupCols, false, r)));
        assertEquals(ErrorCode.DUPLICATE_COLUMN, dupCol.error().code());
        assertNull(published.get().table("u"));

        // The store works and keeps writing into the handle the view holds.
        TestProbe<TableStore.WriteResult> w = KIT.createTestProbe();
        t.store().tell(new TableStore.Append(List.of(dev.muru.core.Morsel.empty(SCHEMA.types())), w.getRef()));
        assertInstanceOf(TableStore.Written.class, w.receiveMessage());
        assertEquals(1, t.snapshot().version());

        Catalog.Done dropped = assertInstanceOf(Catalog.Done.class,
                ask(catalog, r -> new Catalog.DropTable("t", false, r)));
        assertEquals("DROP TABLE", dropped.message());
        assertFalse(dropped.view().contains("t"));
        assertFalse(published.get().contains("t"));
        TestProbe<Object> watcher = KIT.createTestProbe();
        watcher.expectTerminated(t.store());

        Catalog.Failed missing = assertInstanceOf(Catalog.Failed.class,
                ask(catalog, r -> new Catalog.DropTable("t", false, r)));
        assertEquals(ErrorCode.UNDEFINED_TABLE, missing.error().code());
        assertEquals("table \"t\" does not exist", missing.error().detail());
        Catalog.Done skippedDrop = assertInstanceOf(Catalog.Done.class,
                ask(catalog, r -> new Catalog.DropTable("t", true, r)));
        assertEquals("table \"t\" does not exist, skipped", skippedDrop.message());

        // Re-creating a dropped name gives a fresh, empty table.
        Catalog.Done again = assertInstanceOf(Catalog.Done.class,
                ask(catalog, r -> new Catalog.CreateTable("t", SCHEMA, false, r)));
        assertEquals(0, again.view().table("t").snapshot().rowCount());

        TestProbe<CatalogView> viewProbe = KIT.createTestProbe();
        catalog.tell(new Catalog.GetView(viewProbe.getRef()));
        assertEquals(List.of("T", "t"), List.copyOf(viewProbe.receiveMessage().names()));
    }
}
