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

/**
 * One worker of a pipeline: pulls morsels from the shared {@link MorselDispatcher} and runs
 * the fused steps and sink on each. It works in slices and messages itself between them, so
 * it stays responsive to stop and shares its thread fairly. At the end it reports its sink
 * to the coordinator; a partial aggregate goes, partitioned by key hash, to the combiners.
 */
public final class PipelineWorker extends AbstractBehavior<PipelineWorker.Command> {

    public sealed interface Command {
    }

    /** Process the next slice of morsels. */
    public record Continue() implements Command {
    }

    private static final long SLICE_NANOS = 2_000_000;

    private final int pipeline;
    private final int index;
    private final MorselDispatcher dispatcher;
    private final PipelineDriver driver;
    private final ActorRef<QueryCoordinator.Command> coordinator;
    private final List<ActorRef<AggregateCombiner.Command>> combiners;
    private final AtomicBoolean cancelled;
    private long busyNanos;

    public static Behavior<Command> create(int pipeline, int index, MorselDispatcher dispatcher, PipelineDriver driver,
                                           ActorRef<QueryCoordinator.Command> coordinator,
                                           List<ActorRef<AggregateCombiner.Command>> combiners, AtomicBoolean cancelled) {
        return Behaviors.setup(ctx -> {
            ctx.getSelf().tell(new Continue());
            return new PipelineWorker(ctx, pipeline, index, dispatcher, driver, coordinator, combiners, cancelled);
        });
    }

    private PipelineWorker(ActorContext<Command> ctx, int pipeline, int index, MorselDispatcher dispatcher,
                           PipelineDriver driver, ActorRef<QueryCoordinator.Command> coordinator,
                           List<ActorRef<AggregateCombiner.Command>> combiners, AtomicBoolean cancelled) {
        super(ctx);
        this.pipeline = pipeline;
        this.index = index;
        this.dispatcher = dispatcher;
        this.driver = driver;
        this.coordinator = coordinator;
        this.combiners = combiners;
        this.cancelled = cancelled;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Continue.class, c -> work()).build();
    }

    private Behavior<Command> work() {
        long start = System.nanoTime();
        try {
            while (!cancelled.get()) {
                Morsel m = driver.satisfied() ? null : dispatcher.next();
                if (m == null) {
                    busyNanos += System.nanoTime() - start;
                    return finish();
                }
                driver.process(m);
                if (System.nanoTime() - start > SLICE_NANOS) {
                    busyNanos += System.nanoTime() - start;
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

    private Behavior<Command> finish() {
        if (combiners.isEmpty()) {
            coordinator.tell(new QueryCoordinator.WorkerFinished(pipeline, index, driver.sink(), driver.rowsIn(),
                    driver.rowsOut(), busyNanos));
            return Behaviors.stopped();
        }
        long start = System.nanoTime();
        HashAggregation[] parts = ((AggregateSink) driver.sink()).state().partition(combiners.size());
        for (int p = 0; p < parts.length; p++) {
            combiners.get(p).tell(new AggregateCombiner.Partial(parts[p]));
        }
        busyNanos += System.nanoTime() - start;
        coordinator.tell(new QueryCoordinator.WorkerFinished(pipeline, index, null, driver.rowsIn(), driver.rowsOut(),
                busyNanos));
        return Behaviors.stopped();
    }
}
