package dev.muru.storage;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.Schema;
import dev.muru.core.vector.ColumnVector;
import dev.muru.core.vector.LongVector;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableStoreTest {
    static final ActorTestKit KIT = ActorTestKit.create();
    static final Schema SCHEMA = TableDataTest.SCHEMA;

    @TempDir
    Path dir;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    static TableHandle spawn(String name, int rowGroupRows) {
        TableHandle handle = new TableHandle(name, SCHEMA);
        ActorRef<TableStore.Command> ref = KIT.spawn(TableStore.create(name, SCHEMA, rowGroupRows, handle));
        handle.bindStore(ref);
        return handle;
    }

    static TableStore.WriteResult append(TableHandle h, List<Morsel> morsels) {
        TestProbe<TableStore.WriteResult> probe = KIT.createTestProbe();
        h.store().tell(new TableStore.Append(morsels, probe.getRef()));
        return probe.receiveMessage(Duration.ofSeconds(10));
    }

    @Test
    void appendPublishesSnapshot() {
        TableHandle h = spawn("t_append", 4);
        TableStore.Written w = assertInstanceOf(TableStore.Written.class,
                append(h, List.of(TableDataTest.rows(0, 10))));
        assertEquals(10, w.rows());
        assertEquals(1, w.snapshot().version());
        assertSame(w.snapshot(), h.snapshot());
        TestProbe<TableSnapshot> snap = KIT.createTestProbe();
        h.store().tell(new TableStore.GetSnapshot(snap.getRef()));
        assertSame(w.snapshot(), snap.receiveMessage());
    }

    @Test
    void badAppendIsAnsweredAndActorSurvives() {
        TableHandle h = spawn("t_bad", 4);
        Morsel bad = TableDataTest.rows(0, 3);
        bad.column(0).setNull(2);
        TableStore.WriteFailed f = assertInstanceOf(TableStore.WriteFailed.class, append(h, List.of(bad)));
        assertEquals(ErrorCode.NOT_NULL_VIOLATION, f.error().code());
        // A broken morsel (positions beyond its vectors) is an error reply, not a crash.
        Morsel broken = new Morsel(TableDataTest.rows(0, 2).columns(), 5);
        assertEquals(ErrorCode.INTERNAL_ERROR,
                assertInstanceOf(TableStore.WriteFailed.class, append(h, List.of(broken))).error().code());
        assertInstanceOf(TableStore.Written.class, append(h, List.of(TableDataTest.rows(0, 1))));
        assertEquals(1, h.snapshot().rowCount());
    }

    TableStore.WriteResult copy(TableHandle h, Path file, char delimiter) {
        TestProbe<TableStore.WriteResult> probe = KIT.createTestProbe();
        h.store().tell(new TableStore.CopyFrom(file, null, delimiter, false, null, probe.getRef()));
        return probe.receiveMessage(Duration.ofSeconds(10));
    }

    @Test
    void copySucceeds() throws IOException {
        TableHandle h = spawn("t_copy", 4);
        Path f = dir.resolve("t.tbl");
        Files.writeString(f, "1|10|a|0.5|\n2|20|b|1.5|\n3||c||\n4|40|\"d|e\"|2|\n5|50|e|3|\n");
        TableStore.Written w = assertInstanceOf(TableStore.Written.class, copy(h, f, '|'));
        assertEquals(5, w.rows());
        assertEquals(5, h.snapshot().rowCount());
        assertEquals(2, h.snapshot().rowGroups().size());
        assertEquals("d|e", h.snapshot().rowGroups().get(0).column(2).getObject(3));
    }

    @Test
    void failedCopyLeavesTableUnchanged() throws IOException {
        TableHandle h = spawn("t_copy_fail", 4);
        assertInstanceOf(TableStore.Written.class, append(h, List.of(TableDataTest.rows(0, 3))));
        TableSnapshot before = h.snapshot();
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "1,10,a,0.5\n2,20,b,1.5\n3,xx,c,2\n");
        TableStore.WriteFailed failed = assertInstanceOf(TableStore.WriteFailed.class, copy(h, f, ','));
        assertEquals(ErrorCode.CSV_FORMAT_ERROR, failed.error().code());
        assertTrue(failed.error().detail().contains("line 3, column 2 (qty)"), failed.error().detail());
        // A NOT NULL violation found only at append time also leaves nothing behind.
        Path g = dir.resolve("nulls.csv");
        Files.writeString(g, "x\ny\n");
        TestProbe<TableStore.WriteResult> probe = KIT.createTestProbe();
        h.store().tell(new TableStore.CopyFrom(g, new int[] {2}, ',', false, null, probe.getRef()));
        TableStore.WriteFailed nn = assertInstanceOf(TableStore.WriteFailed.class, probe.receiveMessage());
        assertEquals(ErrorCode.NOT_NULL_VIOLATION, nn.error().code());
        TestProbe<TableStore.WriteResult> missing = KIT.createTestProbe();
        h.store().tell(new TableStore.CopyFrom(dir.resolve("none.csv"), null, ',', false, null, missing.getRef()));
        assertEquals(ErrorCode.IO_ERROR,
                assertInstanceOf(TableStore.WriteFailed.class, missing.receiveMessage()).error().code());
        assertSame(before, h.snapshot());
        assertEquals(3, h.snapshot().rowCount());
        assertEquals(1, h.snapshot().version());
    }

    /** One writer appends 200 batches while readers check every snapshot they see is self-consistent. */
    @Test
    void readersSeeConsistentSnapshotsWhileWriting() throws Exception {
        TableHandle h = spawn("t_concurrent", 1000);
        int batches = 200;
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        Set<Long> versionsSeen = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(4);
        for (int r = 0; r < 4; r++) {
            Thread t = new Thread(() -> {
                started.countDown();
                long lastVersion = -1;
                boolean last = false;
                while (!last) {
                    last = done.get();
                    TableSnapshot s = h.snapshot();
                    if (s.version() < lastVersion) {
                        problems.add("version went back from " + lastVersion + " to " + s.version());
                    }
                    lastVersion = s.version();
                    versionsSeen.add(lastVersion);
                    long[] first = count(s);
                    long[] second = count(s);
                    long n = s.rowCount();
                    if (!Arrays.equals(first, second) || first[0] != n || first[1] != n * (n - 1) / 2
                            || first[2] != first[3]) {
                        problems.add("version " + s.version() + ": " + Arrays.toString(first) + " then "
                                + Arrays.toString(second) + ", rowCount " + n);
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }
        started.await();
        TestProbe<TableStore.WriteResult> probe = KIT.createTestProbe();
        long next = 0;
        for (int b = 0; b < batches; b++) {
            int n = 1 + (b * 97) % 700;
            Morsel m = TableDataTest.rows(next, n);
            if (b % 3 == 0) {
                m.column(1).setNull(0);
            }
            // Waiting for each reply, as a client would, spreads the versions over the readers' run.
            h.store().tell(new TableStore.Append(List.of(m), probe.getRef()));
            assertInstanceOf(TableStore.Written.class, probe.receiveMessage(Duration.ofSeconds(10)));
            next += n;
        }
        done.set(true);
        for (Thread t : readers) {
            t.join(30_000);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(next, h.snapshot().rowCount());
        assertEquals(batches, h.snapshot().version());
        assertTrue(versionsSeen.size() > 2, "readers saw versions " + versionsSeen);
    }

    /**
     * Rows counted via row group sizes, the sum of the id column read row by row, the NULLs of
     * the qty column read from the bitmaps, and the same NULLs as the zone maps count them.
     */
    static long[] count(TableSnapshot s) {
        long rows = 0;
        long sum = 0;
        long nulls = 0;
        long zoneNulls = 0;
        for (RowGroup g : s.rowGroups()) {
            rows += g.rowCount();
            Morsel m = g.toMorsel();
            long[] ids = ((LongVector) m.column(0)).values();
            ColumnVector qty = m.column(1);
            for (int i = 0; i < m.size(); i++) {
                sum += ids[i];
                if (qty.isNull(i)) {
                    nulls++;
                }
            }
            zoneNulls += g.zoneMap(1).nullCount();
        }
        return new long[] {rows, sum, nulls, zoneNulls};
    }
}
