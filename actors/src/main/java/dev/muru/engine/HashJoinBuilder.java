package dev.muru.engine;

import dev.muru.operators.join.JoinBuildSink;
import dev.muru.operators.join.JoinHashTable;
import dev.muru.operators.join.JoinTable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import java.util.List;

/**
 * Builds one hash partition of a join's build side from every worker's rows of that partition,
 * then reports the finished table and stops. Partitions hold disjoint keys, so P builders run at
 * once without sharing anything they write.
 */
public final class HashJoinBuilder {
    private HashJoinBuilder() {
    }

    /** It has no protocol of its own: it works once, on start. */
    public interface Command {
    }

    public static Behavior<Command> create(int pipeline, int partition, List<JoinBuildSink> sinks,
                                           ActorRef<QueryCoordinator.Command> coordinator) {
        return Behaviors.setup(ctx -> {
            long start = System.nanoTime();
            try {
                JoinHashTable table = JoinTable.buildPartition(sinks, partition);
                coordinator.tell(new QueryCoordinator.PartitionBuilt(pipeline, partition, table, System.nanoTime() - start));
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                coordinator.tell(new QueryCoordinator.WorkerFailed(pipeline, e));
            }
            return Behaviors.stopped();
        });
    }
}
