package dev.muru.engine;

import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.HashAggregation;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

import java.util.List;

/**
 * Owns one hash partition of a parallel aggregation: once every worker's partial state has
 * arrived, it combines this partition's groups of all of them and finishes them into result
 * morsels. Every combiner reads the same partial states and writes only its own partition's
 * groups (see {@link HashAggregation#combineAndFinish}), so the partitions combine at once
 * without copying the partials into parts or into a combined state.
 */
public final class AggregateCombiner extends AbstractBehavior<AggregateCombiner.Command> {

    public sealed interface Command {
    }

    /** One worker's whole partial state (this combiner takes its partition of the groups). */
    public record Partial(HashAggregation state) implements Command {
    }

    private final int pipeline;
    private final int partition;
    private final int expected;
    private final int morselRows;
    private final ActorRef<QueryCoordinator.Command> coordinator;
    private final List<HashAggregation> partials = new java.util.ArrayList<>();
    private final int partitions;
    private int received;
    private long busyNanos;

    /** Combiner {@code partition} of {@code partitions}, expecting one partial from each of {@code expected} workers. */
    public static Behavior<Command> create(int pipeline, int partition, int partitions, int expected, int morselRows,
                                           ActorRef<QueryCoordinator.Command> coordinator) {
        return Behaviors.setup(ctx -> new AggregateCombiner(ctx, pipeline, partition, partitions, expected, morselRows,
                coordinator));
    }

    private AggregateCombiner(ActorContext<Command> ctx, int pipeline, int partition, int partitions, int expected,
                              int morselRows, ActorRef<QueryCoordinator.Command> coordinator) {
        super(ctx);
        this.pipeline = pipeline;
        this.partition = partition;
        this.partitions = partitions;
        this.expected = expected;
        this.morselRows = morselRows;
        this.coordinator = coordinator;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder().onMessage(Partial.class, this::onPartial).build();
    }

    private Behavior<Command> onPartial(Partial p) {
        long start = System.nanoTime();
        try {
            partials.add(p.state());
            received++;
            if (received < expected) {
                busyNanos += System.nanoTime() - start;
                return this;
            }
            List<Morsel> out = HashAggregation.combineAndFinish(partials, partition, partitions, morselRows);
            partials.clear();
            busyNanos += System.nanoTime() - start;
            coordinator.tell(new QueryCoordinator.PartitionDone(pipeline, partition, out, busyNanos));
        } catch (RuntimeException | OutOfMemoryError e) {
            coordinator.tell(new QueryCoordinator.WorkerFailed(pipeline, e));
        }
        return Behaviors.stopped();
    }
}
