package dev.muru.server.http;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.ResultCursor;
import dev.muru.ResultSource;
import dev.muru.core.Morsel;
import dev.muru.engine.QueryProgress;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/query} (run a statement, stream its result), {@code GET /v1/queries} (what
 * runs, with progress) and {@code DELETE /v1/queries/{id}} (cancel). Each request is a session
 * of its own whose statement timeout is the server's.
 */
final class QueryRoutes {
    static final String QUERY_ID_HEADER = "Muru-Query-Id";
    /** A result whose first piece ends within this many bytes is sent whole, with a Content-Length. */
    static final int WHOLE_RESPONSE_BYTES = 256 * 1024;
    /** How long the body of a request may take to arrive. */
    private static final long BODY_TIMEOUT_MILLIS = 30_000;
    /** A response stream that has not started by then belongs to a client that is gone: its query is cancelled. */
    private static final Duration UNCLAIMED_RESULT = Duration.ofSeconds(30);

    private final Muru muru;
    private final HttpSettings settings;
    private final MuruSettings sessionDefaults;
    private final QueryAdmission admission;
    private final Materializer materializer;
    /** Planning and inline runs happen in Session.open on the caller's thread: never on the server's dispatcher. */
    private final Executor blocking;

    QueryRoutes(Muru muru, HttpSettings settings, Materializer materializer, Executor blocking) {
        this.muru = muru;
        this.settings = settings;
        this.sessionDefaults = muru.settings().withStatementTimeout(settings.statementTimeout());
        this.admission = new QueryAdmission(settings.maxConcurrentQueries());
        this.materializer = materializer;
        this.blocking = blocking;
    }

    int admitted() {
        return admission.admitted();
    }

    CompletionStage<HttpResponse> run(HttpRequest request, long startNanos) {
        ResultFormat format;
        QueryAdmission.Slot slot;
        try {
            format = ResultFormat.choose(request.getUri().query().get("format"), request.getHeader("Accept").map(h -> h.value()));
            slot = admission.admit();
        } catch (RequestError e) {
            request.discardEntityBytes(materializer);
            throw e;
        }
        boolean json = request.entity().getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON);
        // A body over the limit is still read to its end (up to the drain limit) and thrown
        // away, so that the client, still sending, gets the 413 instead of a reset connection.
        CompletionStage<HttpResponse> response = request.entity().withSizeLimit(drainLimit(settings))
                .getDataBytes()
                .completionTimeout(Duration.ofMillis(BODY_TIMEOUT_MILLIS))
                .runFold(new RequestBody(settings.maxBodyBytes()), RequestBody::add, materializer)
                .exceptionally(e -> {
                    throw bodyFailure(e);
                })
                .thenApply(body -> {
                    if (body.tooLarge()) {
                        throw tooLarge();
                    }
                    return body;
                })
                .thenApplyAsync(body -> {
                    QueryRequest q = QueryRequest.parse(body.bytes(), json);
                    dev.muru.Session session = muru.session(sessionDefaults);
                    q.settings().forEach(session::set);
                    ResultCursor cursor = session.open(q.sql(), q.params(), timeout(session));
                    slot.hold(cursor);
                    return cursor;
                }, blocking)
                .thenCompose(ResultCursor::ready)
                .thenApplyAsync(cursor -> respond(cursor, format, startNanos, slot), blocking);
        return response.whenComplete((r, e) -> {
            if (e != null) {
                slot.release();
            }
        });
    }

    /**
     * The request's statement timeout: its own setting, but never past the server's
     * (muru.http.statement-timeout), so a request cannot opt out of the server's limit. Null
     * when the session's own setting is that already (small queries then may run inline).
     */
    private Duration timeout(dev.muru.Session session) {
        Duration server = settings.statementTimeout();
        Duration asked = session.settings().statementTimeout();
        if (server.isZero() || (!asked.isZero() && asked.compareTo(server) <= 0)) {
            return null;
        }
        return server;
    }

    private RequestError tooLarge() {
        return new RequestError(413, HttpErrors.PAYLOAD_TOO_LARGE, "the request body is larger than "
                + settings.maxBodyBytes() + " bytes (muru.http.max-body-size)");
    }

    /** Bytes of an oversized body read and discarded before answering 413; past it the connection closes. */
    static long drainLimit(HttpSettings settings) {
        long limit = settings.maxBodyBytes();
        return limit > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : Math.max(4 * limit, limit + (16L << 20));
    }

    /** The body as it arrives: kept up to the limit, past it only counted. */
    static final class RequestBody {
        private final long limit;
        private final org.apache.pekko.util.ByteStringBuilder kept = new org.apache.pekko.util.ByteStringBuilder();
        private long size;

        RequestBody(long limit) {
            this.limit = limit;
        }

        RequestBody add(ByteString chunk) {
            size += chunk.size();
            if (size <= limit) {
                kept.append(chunk);
            }
            return this;
        }

        boolean tooLarge() {
            return size > limit;
        }

        byte[] bytes() {
            return kept.result().toArray();
        }
    }

    private RuntimeException bodyFailure(Throwable failure) {
        Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (e instanceof EntityStreamSizeException) {
            return tooLarge();
        }
        if (e instanceof TimeoutException) {
            return new RequestError(408, RequestError.INVALID_REQUEST, "the request body did not arrive within "
                    + BODY_TIMEOUT_MILLIS / 1000 + " s");
        }
        return new RequestError(400, RequestError.INVALID_REQUEST, "the request body could not be read");
    }

    /**
     * The statement has its first rows, its end or its error. An error before anything is sent
     * is thrown (and answered with its 4xx); rows already there are encoded at once, and a
     * result that ends within {@link #WHOLE_RESPONSE_BYTES} is sent whole; a bigger one streams
     * as the client reads it.
     */
    private HttpResponse respond(ResultCursor cursor, ResultFormat format, long startNanos, QueryAdmission.Slot slot) {
        cursor.awaitReady();
        ResultEncoder encoder = format.newEncoder();
        ResponseBuffer buffer = new ResponseBuffer(8192);
        encoder.head(buffer, cursor.queryId(), cursor.statementKind(), cursor.schema());
        AtomicLong rows = new AtomicLong();
        for (Morsel m; buffer.size() < WHOLE_RESPONSE_BYTES && (m = cursor.poll()) != null; ) {
            encoder.rows(buffer, m);
            rows.addAndGet(m.size());
        }
        RawHeader queryId = RawHeader.create(QUERY_ID_HEADER, cursor.queryId());
        if (buffer.size() < WHOLE_RESPONSE_BYTES && cursor.isEnd()) {
            encoder.tail(buffer, summary(rows.get(), cursor, startNanos));
            slot.release();
            return HttpResponse.create().addHeader(queryId)
                    .withEntity(HttpEntities.create(format.contentType(), buffer.take()));
        }
        Source<ByteString, NotUsed> body = Source.single(buffer.take())
                .concat(Source.fromGraph(new ResultSource(slot::stream)).map(m -> {
                    encoder.rows(buffer, m);
                    rows.addAndGet(m.size());
                    return buffer.take();
                }))
                // Lazily: the tail is made once the rows are all sent, with their count and the time then.
                .concatLazy(Source.lazySingle(() -> {
                    encoder.tail(buffer, summary(rows.get(), cursor, startNanos));
                    return buffer.take();
                }))
                .recoverWithRetries(1, new PFBuilder<Throwable, org.apache.pekko.stream.Graph<org.apache.pekko.stream.SourceShape<ByteString>, NotUsed>>()
                        .match(Throwable.class, e -> {
                            ResponseBuffer tail = new ResponseBuffer(256);
                            return encoder.failure(tail, HttpErrors.toMuruException(e)) ? Source.single(tail.take()) : Source.failed(e);
                        }).build())
                .watchTermination((mat, done) -> {
                    done.whenComplete((d, e) -> slot.release());
                    return mat;
                });
        materializer.system().scheduler().scheduleOnce(scalaDuration(UNCLAIMED_RESULT), () -> {
            if (!slot.streamed()) {
                slot.release();
            }
        }, materializer.executionContext());
        return HttpResponse.create().addHeader(queryId).withEntity(HttpEntities.createChunked(format.contentType(), body));
    }

    private static scala.concurrent.duration.FiniteDuration scalaDuration(Duration d) {
        return scala.concurrent.duration.FiniteDuration.apply(d.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static ResultEncoder.Summary summary(long rows, ResultCursor cursor, long startNanos) {
        return new ResultEncoder.Summary(rows, cursor.updateCount(), (System.nanoTime() - startNanos) / 1e6);
    }

    /** {@code {"queries":[{"queryId","sql","started","elapsedMillis","progress","pipelines":[...]}]}}. */
    CompletionStage<HttpResponse> list() {
        return CompletableFuture.supplyAsync(() -> {
            List<QueryProgress.Snapshot> running = muru.running();
            ResponseBuffer out = new ResponseBuffer(1024);
            out.ascii("{\"queries\":[");
            for (int i = 0; i < running.size(); i++) {
                QueryProgress.Snapshot q = running.get(i);
                out.ascii(i == 0 ? "{" : ",{").ascii("\"queryId\":").jsonString(q.queryId())
                        .ascii(",\"sql\":").jsonString(q.sql())
                        .ascii(",\"started\":").jsonString(q.started().toString())
                        .ascii(",\"elapsedMillis\":").number(q.elapsedMillis())
                        .ascii(",\"progress\":").ascii(String.format(java.util.Locale.ROOT, "%.4f", progress(q)))
                        .ascii(",\"pipelines\":[");
                for (int p = 0; p < q.pipelines().size(); p++) {
                    QueryProgress.PipelineProgress pp = q.pipelines().get(p);
                    out.ascii(p == 0 ? "{" : ",{").ascii("\"pipeline\":").number(pp.pipeline())
                            .ascii(",\"morselsDone\":").number(pp.morselsDone())
                            .ascii(",\"morselsTotal\":").number(pp.morselsTotal()).put('}');
                }
                out.ascii("]}");
            }
            out.ascii("]}");
            return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, out.take()));
        }, blocking);
    }

    /** The share of a statement's work done: each pipeline counts equally, a running one by its morsels. */
    static double progress(QueryProgress.Snapshot q) {
        if (q.pipelines().isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (QueryProgress.PipelineProgress p : q.pipelines()) {
            if (p.morselsTotal() == 0) {
                sum += 1;
            } else if (p.morselsTotal() > 0) {
                sum += Math.min(1.0, (double) p.morselsDone() / p.morselsTotal());
            }
        }
        return sum / q.pipelines().size();
    }

    CompletionStage<HttpResponse> cancel(String queryId) {
        return CompletableFuture.supplyAsync(() -> {
            if (!muru.cancel(queryId)) {
                return HttpErrors.response(404, HttpErrors.QUERY_NOT_FOUND, "no running query has the id '" + queryId + "'");
            }
            ResponseBuffer out = new ResponseBuffer(64);
            out.ascii("{\"queryId\":").jsonString(queryId).ascii(",\"cancelled\":true}");
            return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, out.take()));
        }, blocking);
    }
}
