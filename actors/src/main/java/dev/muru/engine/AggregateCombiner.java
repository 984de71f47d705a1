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
 * Owns one hash partition of a parallel aggregation: combines the partial states that every
 * worker sends for this partition, then finishes them into result morsels. Partitions own
 * disjoint keys, so no state is shared between combiners.
 */
public final class AggregateCombiner extends AbstractBehavior<AggregateCombiner.Command> {

    public sealed interface Command {
    }

    /** One worker's partial state for this partition. */
    public record Partial(HashAggregation state) implements Command {
    }

    private final int pipeline;
    private final int partition;
    private final int expected;
    private final int morselRows;
    private final ActorRef<QueryCoordinator.Command> coordinator;
    private HashAggregation combined;
    private int received;
    private long busyNanos;

    public static Behavior<Command> create(int pipeline, int partition, int expected, int morselRows,
                                           ActorRef<QueryCoordinator.Command> coordinator) {
        return Behaviors.setup(ctx -> new AggregateCombiner(ctx, pipeline, partition, expected, morselRows, coordinator));
    }

    private AggregateCombiner(ActorContext<Command> ctx, int pipeline, int partition, int expected, int morselRows,
                              ActorRef<QueryCoordinator.Command> coordinator) {
        super(ctx);
        this.pipeline = pipeline;
        this.partition = partition;
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
            if (combined == null) {
                combined = p.state();
            } else {
                combined.combine(p.state());
            }
            received++;
            if (received < expected) {
                busyNanos += System.nanoTime() - start;
                return this;
            }
            List<Morsel> out = combined.finish(morselRows);
            busyNanos += System.nanoTime() - start;
            coordinator.tell(new QueryCoordinator.PartitionDone(pipeline, partition, out, busyNanos));
        } catch (RuntimeException | OutOfMemoryError e) {
            coordinator.tell(new QueryCoordinator.WorkerFailed(pipeline, e));
        }
        return Behaviors.stopped();
    }
}
