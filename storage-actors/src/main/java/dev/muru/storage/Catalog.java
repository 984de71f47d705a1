package dev.muru.storage;

import dev.muru.core.Column;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.core.TypeKind;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns DDL: creates and drops tables, each with its own {@link TableStore} child actor. Every
 * change publishes a new immutable {@link CatalogView} into the {@link AtomicReference} given
 * at creation, so the engine reads the current tables without asking the actor. Table names
 * match exactly; the parser has already folded unquoted names to lower case.
 */
public final class Catalog extends AbstractBehavior<Catalog.Command> {

    /** Messages the catalog accepts. */
    public sealed interface Command {
    }

    /** {@code uniqueKeys}: the table's PRIMARY KEY and UNIQUE constraints, by name, as column positions. */
    public record CreateTable(String name, Schema schema, boolean ifNotExists, List<Map.Entry<String, int[]>> uniqueKeys,
                              ActorRef<CatalogReply> replyTo) implements Command {
        public CreateTable(String name, Schema schema, boolean ifNotExists, ActorRef<CatalogReply> replyTo) {
            this(name, schema, ifNotExists, List.of(), replyTo);
        }
    }

    /** An index: kept by name; a unique one makes the table's store enforce its columns' uniqueness. */
    public record CreateIndex(String name, String table, int[] columns, boolean unique, boolean ifNotExists,
                              ActorRef<CatalogReply> replyTo) implements Command {
    }

    public record DropIndex(String name, boolean ifExists, ActorRef<CatalogReply> replyTo) implements Command {
    }

    /** REINDEX [name]: nothing to rebuild; checks that the index or table exists. */
    public record Reindex(String name, ActorRef<CatalogReply> replyTo) implements Command {
    }

    /** A trigger on a table, kept by name until it or its table is dropped. */
    public record CreateTrigger(String name, String table, boolean ifNotExists, ActorRef<CatalogReply> replyTo)
            implements Command {
    }

    public record DropTrigger(String name, boolean ifExists, ActorRef<CatalogReply> replyTo) implements Command {
    }

    private record IndexDefinition(String name, String table, int[] columns, boolean unique) {
    }

    /** A unique index's store answered; the index is registered only if it succeeded. */
    private record IndexChecked(IndexDefinition index, TableStore.WriteResult result, Throwable error,
                                ActorRef<CatalogReply> replyTo) implements Command {
    }

    private record IndexDropped(String name, ActorRef<CatalogReply> replyTo) implements Command {
    }

    public record DropTable(String name, boolean ifExists, ActorRef<CatalogReply> replyTo) implements Command {
    }

    public record GetView(ActorRef<CatalogView> replyTo) implements Command {
    }

    /** Stores a view; its query was bound (checked) by the statement before. */
    public record CreateView(CatalogView.ViewDefinition view, boolean orReplace, ActorRef<CatalogReply> replyTo)
            implements Command {
    }

    public record DropView(String name, boolean ifExists, ActorRef<CatalogReply> replyTo) implements Command {
    }

    /** Reply to a DDL command. */
    public sealed interface CatalogReply {
    }

    /** The statement succeeded (or was skipped by IF [NOT] EXISTS); {@code view} includes its effect. */
    public record Done(String message, CatalogView view) implements CatalogReply {
    }

    /** The statement was rejected and nothing changed. */
    public record Failed(MuruException error) implements CatalogReply {
    }

    private final int rowGroupRows;
    private final AtomicReference<CatalogView> published;
    private CatalogView view;
    private long spawned;
    /** Indexes by lower-case name; a name is taken while its unique index is being checked. */
    private final Map<String, IndexDefinition> indexes = new java.util.HashMap<>();
    /** Triggers: lower-case name to table name. */
    private final Map<String, String> triggers = new java.util.HashMap<>();

    public static Behavior<Command> create(int rowGroupRows) {
        return create(rowGroupRows, new AtomicReference<>(CatalogView.EMPTY));
    }

    /** @param published receives every new view; the spawner reads the current tables from it */
    public static Behavior<Command> create(int rowGroupRows, AtomicReference<CatalogView> published) {
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("rowGroupRows must be positive, got " + rowGroupRows);
        }
        return Behaviors.setup(context -> new Catalog(context, rowGroupRows, published));
    }

    private Catalog(ActorContext<Command> context, int rowGroupRows, AtomicReference<CatalogView> published) {
        super(context);
        this.rowGroupRows = rowGroupRows;
        this.published = published;
        this.view = CatalogView.EMPTY;
        published.set(view);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(CreateTable.class, this::onCreate)
                .onMessage(DropTable.class, this::onDrop)
                .onMessage(CreateView.class, this::onCreateView)
                .onMessage(DropView.class, this::onDropView)
                .onMessage(CreateIndex.class, this::onCreateIndex)
                .onMessage(IndexChecked.class, this::onIndexChecked)
                .onMessage(DropIndex.class, this::onDropIndex)
                .onMessage(IndexDropped.class, d -> {
                    d.replyTo().tell(new Done("DROP INDEX", view));
                    return this;
                })
                .onMessage(Reindex.class, this::onReindex)
                .onMessage(CreateTrigger.class, this::onCreateTrigger)
                .onMessage(DropTrigger.class, this::onDropTrigger)
                .onMessage(GetView.class, msg -> {
                    msg.replyTo().tell(view);
                    return this;
                })
                .build();
    }

    private Behavior<Command> onCreate(CreateTable msg) {
        try {
            msg.replyTo().tell(create(msg));
        } catch (RuntimeException e) {
            msg.replyTo().tell(new Failed(asMuruException(e)));
        }
        return this;
    }

    private CatalogReply create(CreateTable msg) {
        String name = msg.name();
        if (view.view(name) != null) {
            return new Failed(new MuruException(ErrorCode.DUPLICATE_TABLE, "a view named \"" + name + "\" already exists"));
        }
        if (view.contains(name)) {
            if (msg.ifNotExists()) {
                return new Done("table \"" + name + "\" already exists, skipped", view);
            }
            return new Failed(new MuruException(ErrorCode.DUPLICATE_TABLE, "table \"" + name + "\" already exists"));
        }
        checkColumns(msg.schema());
        TableHandle handle = new TableHandle(name, msg.schema());
        // A sequence number keeps actor names valid for any table name and unique across re-creates.
        ActorRef<TableStore.Command> store = getContext().spawn(
                TableStore.create(name, msg.schema(), rowGroupRows, handle, msg.uniqueKeys()), "table-" + (++spawned));
        handle.bindStore(store);
        publish(view.with(handle));
        return new Done("CREATE TABLE", view);
    }

    /**
     * Column names must differ ignoring case, because {@link Schema#indexOf} resolves names
     * case-insensitively and would otherwise be ambiguous.
     */
    private static void checkColumns(Schema schema) {
        if (schema.size() == 0) {
            throw new MuruException(ErrorCode.FEATURE_NOT_SUPPORTED, "a table needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (Column c : schema.columns()) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new MuruException(ErrorCode.DUPLICATE_COLUMN,
                        "column \"" + c.name() + "\" specified more than once");
            }
            if (c.type().kind() == TypeKind.NULL) {
                throw new MuruException(ErrorCode.INVALID_TYPE, "column \"" + c.name() + "\" has no type");
            }
        }
    }

    private Behavior<Command> onDrop(DropTable msg) {
        TableHandle handle = view.table(msg.name());
        if (handle == null) {
            if (msg.ifExists()) {
                msg.replyTo().tell(new Done("table \"" + msg.name() + "\" does not exist, skipped", view));
            } else {
                msg.replyTo().tell(new Failed(new MuruException(ErrorCode.UNDEFINED_TABLE,
                        "table \"" + msg.name() + "\" does not exist")));
            }
            return this;
        }
        publish(view.without(msg.name()));
        indexes.values().removeIf(i -> i.table().equalsIgnoreCase(msg.name()));
        triggers.values().removeIf(t -> t.equalsIgnoreCase(msg.name()));
        // Running queries keep their snapshots; only further writes to the dropped table go nowhere.
        getContext().stop(handle.store());
        msg.replyTo().tell(new Done("DROP TABLE", view));
        return this;
    }

    private Behavior<Command> onCreateView(CreateView msg) {
        String name = msg.view().name();
        if (view.contains(name)) {
            msg.replyTo().tell(new Failed(new MuruException(ErrorCode.DUPLICATE_TABLE,
                    "a table named \"" + name + "\" already exists")));
        } else if (view.view(name) != null && !msg.orReplace()) {
            msg.replyTo().tell(new Failed(new MuruException(ErrorCode.DUPLICATE_TABLE,
                    "view \"" + name + "\" already exists")));
        } else {
            publish(view.withView(msg.view()));
            msg.replyTo().tell(new Done("CREATE VIEW", view));
        }
        return this;
    }

    private Behavior<Command> onDropView(DropView msg) {
        if (view.view(msg.name()) == null) {
            if (msg.ifExists()) {
                msg.replyTo().tell(new Done("view \"" + msg.name() + "\" does not exist, skipped", view));
            } else {
                msg.replyTo().tell(new Failed(new MuruException(ErrorCode.UNDEFINED_TABLE,
                        "view \"" + msg.name() + "\" does not exist")));
            }
            return this;
        }
        publish(view.withoutView(msg.name()));
        msg.replyTo().tell(new Done("DROP VIEW", view));
        return this;
    }

    private Behavior<Command> onCreateIndex(CreateIndex msg) {
        String key = msg.name().toLowerCase(Locale.ROOT);
        if (indexes.containsKey(key)) {
            msg.replyTo().tell(msg.ifNotExists() ? new Done("index \"" + msg.name() + "\" already exists, skipped", view)
                    : new Failed(new MuruException(ErrorCode.DUPLICATE_INDEX, "index \"" + msg.name() + "\" already exists")));
            return this;
        }
        TableHandle handle = view.table(msg.table());
        if (handle == null) {
            msg.replyTo().tell(new Failed(new MuruException(ErrorCode.UNDEFINED_TABLE, "table \"" + msg.table() + "\" does not exist")));
            return this;
        }
        IndexDefinition index = new IndexDefinition(msg.name(), msg.table(), msg.columns(), msg.unique());
        indexes.put(key, index);
        if (!msg.unique()) {
            msg.replyTo().tell(new Done("CREATE INDEX", view));
            return this;
        }
        getContext().ask(TableStore.WriteResult.class, handle.store(), java.time.Duration.ofMinutes(10),
                r -> new TableStore.AddUniqueKey(msg.name(), msg.columns(), r),
                (res, err) -> new IndexChecked(index, res, err, msg.replyTo()));
        return this;
    }

    private Behavior<Command> onIndexChecked(IndexChecked c) {
        MuruException error = c.error() != null ? asMuruException(new RuntimeException(c.error()))
                : c.result() instanceof TableStore.WriteFailed f ? f.error() : null;
        if (error != null) {
            indexes.remove(c.index().name().toLowerCase(Locale.ROOT));
            c.replyTo().tell(new Failed(error));
        } else {
            c.replyTo().tell(new Done("CREATE INDEX", view));
        }
        return this;
    }

    private Behavior<Command> onDropIndex(DropIndex msg) {
        IndexDefinition index = indexes.remove(msg.name().toLowerCase(Locale.ROOT));
        if (index == null) {
            msg.replyTo().tell(msg.ifExists() ? new Done("index \"" + msg.name() + "\" does not exist, skipped", view)
                    : new Failed(new MuruException(ErrorCode.UNDEFINED_INDEX, "index \"" + msg.name() + "\" does not exist")));
            return this;
        }
        TableHandle handle = view.table(index.table());
        if (!index.unique() || handle == null) {
            msg.replyTo().tell(new Done("DROP INDEX", view));
            return this;
        }
        // Answered once the store has dropped the constraint, so the next INSERT no longer sees it.
        getContext().ask(TableStore.WriteResult.class, handle.store(), java.time.Duration.ofMinutes(10),
                r -> new TableStore.DropUniqueKey(index.name(), r), (res, err) -> new IndexDropped(index.name(), msg.replyTo()));
        return this;
    }

    private Behavior<Command> onCreateTrigger(CreateTrigger msg) {
        String key = msg.name().toLowerCase(Locale.ROOT);
        if (triggers.containsKey(key)) {
            msg.replyTo().tell(msg.ifNotExists() ? new Done("trigger \"" + msg.name() + "\" already exists, skipped", view)
                    : new Failed(new MuruException(ErrorCode.DUPLICATE_TRIGGER, "trigger \"" + msg.name() + "\" already exists")));
        } else if (!view.contains(msg.table())) {
            msg.replyTo().tell(new Failed(new MuruException(ErrorCode.UNDEFINED_TABLE,
                    "table \"" + msg.table() + "\" does not exist")));
        } else {
            triggers.put(key, msg.table());
            msg.replyTo().tell(new Done("CREATE TRIGGER", view));
        }
        return this;
    }

    private Behavior<Command> onDropTrigger(DropTrigger msg) {
        if (triggers.remove(msg.name().toLowerCase(Locale.ROOT)) == null && !msg.ifExists()) {
            msg.replyTo().tell(new Failed(new MuruException(ErrorCode.UNDEFINED_TRIGGER,
                    "trigger \"" + msg.name() + "\" does not exist")));
        } else {
            msg.replyTo().tell(new Done("DROP TRIGGER", view));
        }
        return this;
    }

    private Behavior<Command> onReindex(Reindex msg) {
        if (msg.name() != null && !indexes.containsKey(msg.name().toLowerCase(Locale.ROOT)) && !view.contains(msg.name())) {
            msg.replyTo().tell(new Failed(new MuruException(ErrorCode.UNDEFINED_INDEX,
                    "index or table \"" + msg.name() + "\" does not exist")));
        } else {
            msg.replyTo().tell(new Done("REINDEX", view));
        }
        return this;
    }

    private void publish(CatalogView next) {
        view = next;
        published.set(next);
    }

    private MuruException asMuruException(RuntimeException e) {
        if (e instanceof MuruException m) {
            return m;
        }
        return new MuruException(ErrorCode.INTERNAL_ERROR, "catalog change failed: " + e, e);
    }
}
