package dev.muru.engine;

import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.HashAggregation;
import dev.muru.operators.pipeline.AggregateSink;
import dev.muru.operators.pipeline.PipelineDriver;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker of a pipeline: pulls morsels from the shared {@link MorselDispatcher} and runs
 * the fused steps and sink on each. It works in slices and messages itself between them, so
 * it stays responsive to stop and shares its thread fairly. At the end it reports its sink
 * to the coordinator; a partial aggregate goes whole to every combiner, and each takes its
 * key-hash partition of the groups.
 * Before its sink's state grows past what it reserved, it reserves more from the query's
 * memory; when that fails while other workers of the pipeline still run, it degrades by
 * stopping early (its state is complete for the morsels it took), else it fails the query.
 */
public final class PipelineWorker extends AbstractBehavior<PipelineWorker.Command> {

    public sealed interface Command {
    }

    /** Process the next slice of morsels. */
    public record Continue() implements Command {
    }

    private static final long SLICE_NANOS = 2_000_000;

    /** Everything a worker needs besides its driver; shared by the workers of one pipeline. */
    record Shared(int pipeline, MorselDispatcher dispatcher, ActorRef<QueryCoordinator.Command> coordinator,
                  List<ActorRef<AggregateCombiner.Command>> combiners, AtomicBoolean cancelled, QueryMemory memory,
                  AtomicInteger active, String sinkName, int headroom, ResultChannel outlet) {
    }

    private final int pipeline;
    private final int index;
    private final MorselDispatcher dispatcher;
    private final PipelineDriver driver;
    private final ActorRef<QueryCoordinator.Command> coordinator;
    private final List<ActorRef<AggregateCombiner.Command>> combiners;
    private final AtomicBoolean cancelled;
    private final QueryMemory memory;
    private final AtomicInteger active;
    private final String sinkName;
    private final int headroom;
    private final long chunk;
    /** Where the last pipeline of a streamed result sends its rows (null: it keeps them). */
    private final ResultChannel outlet;
    /** Whether to tell the coordinator how long the first slice took (a sequential pipeline may fan out). */
    private boolean reportSlice;
    private long busyNanos;
    private long reserved;
    private boolean degraded;

    static Behavior<Command> create(int index, Shared shared, PipelineDriver driver, boolean reportSlice) {
        return Behaviors.setup(ctx -> {
            ctx.getSelf().tell(new Continue());
            return new PipelineWorker(ctx, index, shared, driver, reportSlice);
        });
    }

    private PipelineWorker(ActorContext<Command> ctx, int index, Shared shared, PipelineDriver driver, boolean reportSlice) {
        super(ctx);
        this.pipeline = shared.pipeline();
        this.index = index;
        this.dispatcher = shared.dispatcher();
        this.driver = driver;
        this.coordinator = shared.coordinator();
        this.combiners = shared.combiners();
        this.cancelled = shared.cancelled();
        this.memory = shared.memory();
        this.active = shared.active();
        this.sinkName = shared.sinkName();
        this.headroom = shared.headroom();
        this.outlet = shared.outlet();
        // A probe can emit a great deal for one input morsel: reserve after every sink input.
        // Inside a morsel there is no way to stop without losing rows, so a failure there fails.
        driver.onSinkInput(() -> reserve(false));
        this.reportSlice = reportSlice;
        this.chunk = Math.max(64L << 10, Math.min(8L << 20, memory.limit() / 32));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Continue.class, c -> work()).build();
    }

    private Behavior<Command> work() {
        long start = System.nanoTime();
        try {
            while (!cancelled.get()) {
                if (outlet != null && !outlet.hasRoom() && !driver.satisfied()) {
                    // Backpressure: the consumer is behind; wake when it takes a morsel.
                    busyNanos += System.nanoTime() - start;
                    ActorRef<Command> self = getContext().getSelf();
                    outlet.whenRoom(() -> self.tell(new Continue()));
                    return this;
                }
                Morsel m = driver.satisfied() ? null : dispatcher.next();
                if (m == null) {
                    busyNanos += System.nanoTime() - start;
                    return finish();
                }
                driver.process(m);
                if (!reserve(true)) {
                    busyNanos += System.nanoTime() - start;
                    return finish();
                }
                if (System.nanoTime() - start > SLICE_NANOS) {
                    busyNanos += System.nanoTime() - start;
                    if (reportSlice) {
                        reportSlice = false;
                        coordinator.tell(new QueryCoordinator.SliceDone(pipeline, dispatcher.taken(), busyNanos));
                    }
                    getContext().getSelf().tell(new Continue());
                    return this;
                }
            }
            return Behaviors.stopped();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Out of memory here is this query's own state: failing the query frees it, and the
            // engine and other queries go on (memory budgets will keep it from happening).
            cancelled.set(true);
            coordinator.tell(new QueryCoordinator.WorkerFailed(pipeline, e));
            return Behaviors.stopped();
        }
    }

    /**
     * Keeps the reservation ahead of the sink's state: the state times its headroom, plus half
     * as much again (64 KB to the chunk) for the next morsels. When that margin cannot be had
     * between morsels, or the state itself cannot be covered inside one, a worker degrades if
     * another worker of the pipeline goes on: it counts what its state holds and stops taking
     * morsels (false), so fewer states grow. The last worker never degrades: when even its
     * state cannot be covered, the statement fails with MEMORY_LIMIT.
     */
    private boolean reserve(boolean betweenMorsels) {
        if (degraded && betweenMorsels) {
            return false;
        }
        long bytes = driver.sink().estimatedBytes() * headroom;
        if (bytes <= reserved) {
            return true;
        }
        long wanted = bytes + Math.max(64L << 10, Math.min(chunk, bytes / 2));
        if (memory.tryReserve(wanted - reserved)) {
            reserved = wanted;
            return true;
        }
        if (betweenMorsels && degrade()) {
            return false;
        }
        if (memory.tryReserve(bytes - reserved)) {
            reserved = bytes;
            return true;
        }
        // Inside a morsel: finish it (the rows are in the state already), then stop.
        if (!degraded && degrade()) {
            return true;
        }
        throw memory.limitError(bytes - reserved, sinkName);
    }

    /** Stops this worker after its current morsel, unless it is the pipeline's last one. */
    private boolean degrade() {
        // Leaving atomically: two workers must never both leave the morsels behind.
        int a = active.get();
        while (a > 1 && !active.compareAndSet(a, a - 1)) {
            a = active.get();
        }
        if (a <= 1) {
            return false;
        }
        degraded = true;
        // Only what exists is counted: this worker stops, so its state no longer grows.
        long exists = driver.sink().estimatedBytes();
        if (exists > reserved) {
            memory.force(exists - reserved);
            reserved = exists;
        }
        return true;
    }

    private Behavior<Command> finish() {
        if (!degraded) {
            active.decrementAndGet();
        }
        if (combiners.isEmpty()) {
            coordinator.tell(new QueryCoordinator.WorkerFinished(pipeline, index, driver.sink(), driver.rowsIn(),
                    driver.rowsOut(), busyNanos, driver.stepRows(), driver.stepNanos(), driver.sinkNanos(), reserved,
                    degraded));
            return Behaviors.stopped();
        }
        long start = System.nanoTime();
        // Each combiner takes its partition of the groups from the whole (read-only) state.
        HashAggregation state = ((AggregateSink) driver.sink()).state();
        if (combiners.size() > 1) {
            state.indexPartitions(combiners.size()); // once here, not once per combiner
        }
        for (ActorRef<AggregateCombiner.Command> combiner : combiners) {
            combiner.tell(new AggregateCombiner.Partial(state));
        }
        busyNanos += System.nanoTime() - start;
        coordinator.tell(new QueryCoordinator.WorkerFinished(pipeline, index, null, driver.rowsIn(), driver.rowsOut(),
                busyNanos, driver.stepRows(), driver.stepNanos(), driver.sinkNanos(), reserved, degraded));
        return Behaviors.stopped();
    }
}
