package dev.muru.storage;

import dev.muru.core.Schema;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a query holds for a table: its name, schema, the actor that serialises its writes and
 * the latest committed snapshot. Reading {@link #snapshot()} is a volatile read, so readers get
 * the newest version without a round trip to the actor.
 */
public final class TableHandle {
    private final String name;
    private final Schema schema;
    private volatile ActorRef<TableStore.Command> store;
    private volatile TableSnapshot snapshot;

    public TableHandle(String name, Schema schema) {
        this.name = name;
        this.schema = schema;
        this.snapshot = TableSnapshot.empty(schema);
    }

    public String name() {
        return name;
    }

    public Schema schema() {
        return schema;
    }

    /** The table's store actor; null only between the handle's creation and the store's spawn. */
    public ActorRef<TableStore.Command> store() {
        return store;
    }

    /** The latest committed snapshot; never null. */
    public TableSnapshot snapshot() {
        return snapshot;
    }

    /** Set once by whoever spawns the store (the Catalog, or the store itself at start). */
    synchronized void bindStore(ActorRef<TableStore.Command> ref) {
        if (store != null && !store.equals(ref)) {
            throw new IllegalStateException("table \"" + name + "\" is already bound to " + store);
        }
        store = ref;
    }

    /** Called by the store actor after each committed write; older versions are ignored. */
    void publish(TableSnapshot next) {
        TableSnapshot current = snapshot;
        if (next.version() >= current.version()) {
            snapshot = next;
        }
    }

    @Override
    public String toString() {
        return "TableHandle[" + name + ", version " + snapshot.version() + "]";
    }
}
