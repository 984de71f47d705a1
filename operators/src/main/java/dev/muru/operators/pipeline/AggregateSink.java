package dev.muru.operators.pipeline;

import dev.muru.core.DataType;
import dev.muru.core.Morsel;
import dev.muru.operators.aggregate.AggregateKind;
import dev.muru.operators.aggregate.AggregateSpec;
import dev.muru.operators.aggregate.HashAggregation;
import dev.muru.plan.expr.BoundExpr;
import dev.muru.plan.logical.AggregateCall;
import dev.muru.plan.physical.PipelineSink;

import java.util.ArrayList;
import java.util.List;

/** Feeds a worker's morsels into its partial {@link HashAggregation}; DISTINCT is grouping without aggregates. */
public final class AggregateSink implements SinkState {
    private final HashAggregation state;

    public AggregateSink(HashAggregation state) {
        this.state = state;
    }

    public static HashAggregation newState(PipelineSink sink, List<DataType> inputTypes) {
        if (sink instanceof PipelineSink.Distinct) {
            return new HashAggregation(inputTypes, List.of());
        }
        PipelineSink.Aggregate a = (PipelineSink.Aggregate) sink;
        return new HashAggregation(inputTypes.subList(0, a.keyCount()), specs(a.aggregates()));
    }

    static List<AggregateSpec> specs(List<AggregateCall> calls) {
        List<AggregateSpec> out = new ArrayList<>();
        for (AggregateCall c : calls) {
            AggregateKind kind = AggregateKind.valueOf(c.function().name());
            int input = c.argument() == null ? -1 : ((BoundExpr.InputRef) c.argument()).index();
            DataType inType = c.argument() == null ? null : c.argument().type();
            out.add(new AggregateSpec(kind, c.distinct(), input, inType, c.type()));
        }
        return out;
    }

    @Override
    public void add(Morsel morsel) {
        if (morsel.size() > 0) {
            state.add(morsel);
        }
    }

    /** The partial aggregation's own estimate: O(columns), its tables keep their counts as they grow. */
    @Override
    public long estimatedBytes() {
        return state.estimatedBytes();
    }

    public HashAggregation state() {
        return state;
    }
}
