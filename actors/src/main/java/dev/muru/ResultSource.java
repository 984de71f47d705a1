package dev.muru;

import dev.muru.core.Morsel;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;

import java.util.function.Supplier;

/**
 * A Pekko Streams source over a {@link ResultCursor}: it emits a morsel only when downstream
 * pulls, so the engine produces as fast as the stream consumes. Cancelling the stream (a
 * client that disconnects) closes the cursor, which cancels the statement.
 */
public final class ResultSource extends GraphStage<SourceShape<Morsel>> {
    private final Outlet<Morsel> out = Outlet.create("ResultSource.out");
    private final SourceShape<Morsel> shape = SourceShape.of(out);
    private final Supplier<ResultCursor> open;

    /** {@code open} runs when the stream starts (for a cursor opened already: {@code () -> cursor}). */
    public ResultSource(Supplier<ResultCursor> open) {
        this.open = open;
    }

    @Override
    public SourceShape<Morsel> shape() {
        return shape;
    }

    @Override
    public GraphStageLogic createLogic(Attributes attributes) {
        return new GraphStageLogic(shape) {
            private ResultCursor cursor;
            private AsyncCallback<Object> available;
            private boolean waiting;

            {
                setHandler(out, new AbstractOutHandler() {
                    @Override
                    public void onPull() {
                        emitNext();
                    }
                });
            }

            @Override
            public void preStart() {
                available = createAsyncCallback(v -> {
                    waiting = false;
                    emitNext();
                });
                cursor = open.get();
            }

            private void emitNext() {
                if (!isAvailable(out) || waiting) {
                    return;
                }
                try {
                    Morsel m = cursor.poll();
                    if (m != null) {
                        push(out, m);
                    } else if (cursor.isEnd()) {
                        completeStage();
                    } else {
                        waiting = true;
                        cursor.whenAvailable(() -> available.invoke(Boolean.TRUE));
                    }
                } catch (RuntimeException e) {
                    failStage(e);
                }
            }

            @Override
            public void postStop() {
                if (cursor != null) {
                    cursor.close();
                }
            }
        };
    }
}
