package dev.muru.storage;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Owns one table and serialises its writes; after each committed write it publishes the new
 * snapshot into the table's {@link TableHandle}. Bad input is answered with
 * {@link WriteFailed} and leaves the table unchanged; the actor itself never fails on it.
 *
 * <p>COPY parses the file on the blocking-IO dispatcher and only then appends inside the actor,
 * so snapshot requests and other writes are not stuck behind a long read.
 */
public final class TableStore extends AbstractBehavior<TableStore.Command> {

    /** Messages the store accepts. */
    public sealed interface Command {
    }

    /**
     * Appends the live rows of the morsels (all or nothing). With {@code replace} (REPLACE INTO) a
     * new row first removes the rows, stored or earlier in the same write, that it conflicts with
     * on a unique key, as if the rows were inserted one by one. Without {@code checkLengths} a
     * string longer than its column's declared length is stored whole (SQLite's rule).
     */
    public record Append(List<Morsel> morsels, boolean replace, boolean checkLengths, ActorRef<WriteResult> replyTo)
            implements Command {
        public Append(List<Morsel> morsels, boolean replace, ActorRef<WriteResult> replyTo) {
            this(morsels, replace, true, replyTo);
        }

        public Append(List<Morsel> morsels, ActorRef<WriteResult> replyTo) {
            this(morsels, false, replyTo);
        }
    }

    /** Loads a CSV file; see {@link CsvReader#read} for the parameters. */
    public record CopyFrom(Path file, int[] targetColumns, char delimiter, boolean header, String nullText,
                           boolean checkLengths, ActorRef<WriteResult> replyTo) implements Command {
        public CopyFrom(Path file, int[] targetColumns, char delimiter, boolean header, String nullText,
                        ActorRef<WriteResult> replyTo) {
            this(file, targetColumns, delimiter, header, nullText, true, replyTo);
        }
    }

    public record GetSnapshot(ActorRef<TableSnapshot> replyTo) implements Command {
    }

    /**
     * Rewrites the table (UPDATE, DELETE): {@code rewrite} maps the current rows, one morsel per
     * row group, to the rows the table should hold and the number of rows it affected. It runs
     * inside the store, so no other write interleaves; if it throws or a new row is invalid,
     * the table is unchanged. Readers keep the snapshot they had. Declared string lengths are
     * checked in the columns {@code lengthChecked} lists (null: all): those a statement assigns,
     * so that values stored whole before (SQLite's rule) do not fail an unrelated statement.
     */
    public record Rewrite(java.util.function.Function<List<Morsel>, Rewritten> rewrite, List<Integer> lengthChecked,
                          ActorRef<WriteResult> replyTo) implements Command {
        public Rewrite(java.util.function.Function<List<Morsel>, Rewritten> rewrite, ActorRef<WriteResult> replyTo) {
            this(rewrite, null, replyTo);
        }
    }

    /**
     * Adds a unique constraint (CREATE UNIQUE INDEX) over the rows the table holds; fails with
     * UNIQUE_VIOLATION, and changes nothing, if they already break it. Answers with 0 rows.
     */
    public record AddUniqueKey(String name, int[] columns, ActorRef<WriteResult> replyTo) implements Command {
    }

    /** Drops a unique constraint (DROP INDEX); answers with 0 rows. */
    public record DropUniqueKey(String name, ActorRef<WriteResult> replyTo) implements Command {
    }

    /** What a {@link Rewrite} produced: the table's new rows and the rows the statement affected. */
    public record Rewritten(List<Morsel> rows, long affected) {
    }

    /** A COPY's parsed rows (or its failure) coming back from the blocking dispatcher. */
    private record CopyParsed(List<Morsel> morsels, Throwable failure, boolean checkLengths, ActorRef<WriteResult> replyTo)
            implements Command {
    }

    /** Reply to a write. */
    public sealed interface WriteResult {
    }

    /** The write committed {@code rows} rows; {@code snapshot} is the version it produced. */
    public record Written(long rows, TableSnapshot snapshot) implements WriteResult {
    }

    /** The write was rejected and the table is unchanged. */
    public record WriteFailed(MuruException error) implements WriteResult {
    }

    private final String name;
    private TableData data;
    private UniqueKeys keys;
    private final TableHandle handle;
    private final Executor blocking;

    public static Behavior<Command> create(String name, Schema schema, int rowGroupRows, TableHandle handle) {
        return create(name, schema, rowGroupRows, handle, List.of());
    }

    /** A store whose table has the given unique constraints (name and column positions) from the start. */
    public static Behavior<Command> create(String name, Schema schema, int rowGroupRows, TableHandle handle,
                                           List<Map.Entry<String, int[]>> uniqueKeys) {
        return Behaviors.setup(context -> new TableStore(context, name, schema, rowGroupRows, handle, uniqueKeys));
    }

    private TableStore(ActorContext<Command> context, String name, Schema schema, int rowGroupRows,
                       TableHandle handle, List<Map.Entry<String, int[]>> uniqueKeys) {
        super(context);
        this.name = name;
        this.data = new TableData(schema, rowGroupRows);
        List<UniqueKeys.Constraint> constraints = new java.util.ArrayList<>();
        for (Map.Entry<String, int[]> k : uniqueKeys) {
            constraints.add(new UniqueKeys.Constraint(k.getKey(), k.getValue()));
        }
        this.keys = new UniqueKeys(schema, constraints);
        this.handle = handle;
        this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        handle.bindStore(context.getSelf());
        handle.publish(data.snapshot());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Append.class, this::onAppend)
                .onMessage(CopyFrom.class, this::onCopyFrom)
                .onMessage(CopyParsed.class, this::onCopyParsed)
                .onMessage(GetSnapshot.class, this::onGetSnapshot)
                .onMessage(Rewrite.class, this::onRewrite)
                .onMessage(AddUniqueKey.class, this::onAddUniqueKey)
                .onMessage(DropUniqueKey.class, msg -> {
                    keys.remove(msg.name());
                    msg.replyTo().tell(new Written(0, data.snapshot()));
                    return this;
                })
                .build();
    }

    private Behavior<Command> onAppend(Append msg) {
        boolean[] lengths = lengthsChecked(msg.checkLengths());
        msg.replyTo().tell(msg.replace() && !keys.isEmpty() ? replace(msg.morsels(), lengths) : write(msg.morsels(), lengths));
        return this;
    }

    /** Which columns' declared string lengths a write checks: null for all, else none. */
    private boolean[] lengthsChecked(boolean check) {
        return check ? null : new boolean[data.schema().size()];
    }

    /** REPLACE INTO: the rows that survive the replacement, appended, or the table rebuilt when stored rows go. */
    private WriteResult replace(List<Morsel> morsels, boolean[] lengths) {
        try {
            UniqueKeys.Replacement r = keys.replacement(morsels, data.snapshot().morsels());
            if (r.kept() == null) {
                return write(r.added(), lengths);
            }
            // The new rows are checked as an append would; the kept ones were when they were stored
            MorselValidator.validate(data.schema(), r.added(), lengths);
            List<Morsel> rows = new java.util.ArrayList<>(r.kept());
            rows.addAll(r.added());
            TableSnapshot snapshot = rebuild(rows, lengthsChecked(false));
            return new Written(r.addedRows(), snapshot);
        } catch (RuntimeException e) {
            return new WriteFailed(asMuruException(e));
        }
    }

    private Behavior<Command> onCopyFrom(CopyFrom msg) {
        Schema schema = data.schema();
        int morselRows = data.rowGroupRows();
        CompletableFuture<List<Morsel>> parsed = CompletableFuture.supplyAsync(() -> CsvReader.read(msg.file(),
                schema, msg.targetColumns(), msg.delimiter(), msg.header(), msg.nullText(), morselRows,
                msg.checkLengths()), blocking);
        getContext().pipeToSelf(parsed, (morsels, failure) -> new CopyParsed(morsels, failure, msg.checkLengths(),
                msg.replyTo()));
        return this;
    }

    private Behavior<Command> onCopyParsed(CopyParsed msg) {
        if (msg.failure() != null) {
            Throwable cause = msg.failure();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            msg.replyTo().tell(new WriteFailed(asMuruException(cause)));
        } else {
            msg.replyTo().tell(write(msg.morsels(), lengthsChecked(msg.checkLengths())));
        }
        return this;
    }

    private Behavior<Command> onAddUniqueKey(AddUniqueKey msg) {
        try {
            keys.add(new UniqueKeys.Constraint(msg.name(), msg.columns()), data.snapshot().morsels());
            msg.replyTo().tell(new Written(0, data.snapshot()));
        } catch (RuntimeException e) {
            msg.replyTo().tell(new WriteFailed(asMuruException(e)));
        }
        return this;
    }

    private Behavior<Command> onGetSnapshot(GetSnapshot msg) {
        msg.replyTo().tell(data.snapshot());
        return this;
    }

    private Behavior<Command> onRewrite(Rewrite msg) {
        try {
            Rewritten r = msg.rewrite().apply(data.snapshot().morsels());
            Schema schema = data.schema();
            List<Morsel> rows = new java.util.ArrayList<>();
            for (Morsel m : r.rows()) {
                dev.muru.core.vector.ColumnVector[] cols = new dev.muru.core.vector.ColumnVector[schema.size()];
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = dev.muru.core.vector.VectorBuilder.retype(m.column(c), schema.type(c)); // lengths get checked
                }
                rows.add(m.withColumns(cols));
            }
            boolean[] lengths = null;
            if (msg.lengthChecked() != null) {
                lengths = lengthsChecked(false);
                for (int c : msg.lengthChecked()) {
                    lengths[c] = true;
                }
            }
            msg.replyTo().tell(new Written(r.affected(), rebuild(rows, lengths)));
        } catch (RuntimeException | StackOverflowError e) {
            msg.replyTo().tell(new WriteFailed(e instanceof RuntimeException re ? asMuruException(re)
                    : new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "statement is nested too deeply")));
        }
        return this;
    }

    /** Replaces the table's rows by {@code rows} and publishes them; throws, changing nothing, if they are invalid. */
    private TableSnapshot rebuild(List<Morsel> rows, boolean[] lengths) {
        // A fresh store: the published snapshots keep the arrays they share with the old tail.
        TableData next = new TableData(data.schema(), data.rowGroupRows(), data.snapshot().version());
        UniqueKeys nextKeys = keys.isEmpty() ? keys : keys.rebuilt(rows);
        TableSnapshot snapshot = next.append(rows, lengths);
        data = next;
        keys = nextKeys;
        handle.publish(snapshot);
        return snapshot;
    }

    private WriteResult write(List<Morsel> morsels, boolean[] lengths) {
        try {
            long before = data.snapshot().rowCount();
            // Checked before the append (which validates and may still fail), committed after it.
            Map<String, List<Object>> added = keys.isEmpty() ? Map.of() : keys.check(morsels);
            TableSnapshot next = data.append(morsels, lengths);
            keys.commit(added);
            handle.publish(next);
            return new Written(next.rowCount() - before, next);
        } catch (RuntimeException e) {
            return new WriteFailed(asMuruException(e));
        }
    }

    private MuruException asMuruException(Throwable e) {
        if (e instanceof MuruException m) {
            return m;
        }
        return new MuruException(ErrorCode.INTERNAL_ERROR, "write to table \"" + name + "\" failed: " + e, e);
    }
}
