package dev.muru;

import dev.muru.core.ErrorCode;
import dev.muru.core.Morsel;
import dev.muru.core.MuruException;
import dev.muru.core.Schema;
import dev.muru.engine.ResultChannel;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A statement's result read as it is produced, forward only, with backpressure: the engine
 * makes at most a few morsels ahead of the reader, so a result of any size takes little
 * memory. Made by {@link Session#open}. Closing it before the end cancels the statement.
 * One reader at a time; {@link #close} may come from any thread.
 */
public final class ResultCursor implements AutoCloseable {
    private final String queryId;
    private final ResultChannel channel;

    ResultCursor(String queryId, ResultChannel channel) {
        this.queryId = queryId;
        this.channel = channel;
    }

    /** The statement's id, for {@link Muru#cancel} and {@link Muru#running}. */
    public String queryId() {
        return queryId;
    }

    /**
     * Completes when the first rows, the end or the error are there; a statement that fails
     * before its first row fails here, so a caller can answer with the error instead of rows.
     */
    public CompletionStage<ResultCursor> ready() {
        return channel.ready().thenApply(v -> this);
    }

    /** Waits for {@link #ready()}; throws the statement's error if it failed before its first row. */
    public ResultCursor awaitReady() {
        try {
            channel.ready().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new MuruException(ErrorCode.QUERY_CANCELLED, "interrupted while waiting for query " + queryId);
        } catch (ExecutionException e) {
            throw new MuruException(ErrorCode.INTERNAL_ERROR, "internal error: " + e.getCause(), e.getCause());
        }
        channel.isEnd(); // throws the error, if any
        return this;
    }

    /** Waits at most {@code timeout} for {@link #ready()}; QUERY_TIMEOUT when it is not. */
    public ResultCursor awaitReady(Duration timeout) {
        try {
            channel.ready().toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new MuruException(ErrorCode.QUERY_TIMEOUT, "query " + queryId + " gave no result within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException | ExecutionException e) {
            return awaitReady();
        }
        return awaitReady();
    }

    /** SELECT, INSERT, CREATE TABLE, SET, ... (after {@link #awaitReady()}). */
    public String statementKind() {
        return channel.kind();
    }

    /** The result's columns (after {@link #awaitReady()}); empty for statements without rows. */
    public Schema schema() {
        awaitReady();
        Schema s = channel.schema();
        return s != null ? s : new Schema(java.util.List.of());
    }

    /** Whether the statement returns rows (queries, SHOW, EXPLAIN). */
    public boolean hasResultSet() {
        return !schema().columns().isEmpty();
    }

    /** The next morsel, waiting for it; null at the end; throws the statement's error. */
    public Morsel next() {
        try {
            return channel.next(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new MuruException(ErrorCode.QUERY_CANCELLED, "interrupted while reading query " + queryId);
        }
    }

    /** The next morsel if one is there now, else null (see {@link #isEnd()}). */
    public Morsel poll() {
        return channel.poll();
    }

    /** True once every morsel was read and the statement ended; throws its error if it failed. */
    public boolean isEnd() {
        return channel.isEnd();
    }

    /** Runs {@code r} once, when {@link #poll()} has a morsel, the end or the error to give. */
    public void whenAvailable(Runnable r) {
        channel.whenAvailable(r);
    }

    /** Rows changed by INSERT, UPDATE, DELETE, COPY (after the end); -1 for queries. */
    public long updateCount() {
        awaitReady();
        return channel.updateCount();
    }

    /** Rows read so far. */
    public long rows() {
        return channel.rows();
    }

    /** Ends reading: a statement still running is cancelled and its memory released. */
    @Override
    public void close() {
        channel.close();
    }
}
