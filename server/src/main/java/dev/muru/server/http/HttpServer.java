package dev.muru.server.http;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.muru.Muru;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.Materializer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Muru's HTTP endpoint on Pekko HTTP, in the engine's own ActorSystem: the routes of
 * docs/http.md, bearer-token authentication when a token is set, and JSON errors for
 * everything that goes wrong (unknown routes, wrong methods, malformed requests, shutdown).
 * {@link #stop} answers new requests with 503 and lets running responses finish.
 */
public final class HttpServer implements AutoCloseable {
    private static final long LAST_BYTES_GRACE_MILLIS = 1_000;
    private final Muru muru;
    private final HttpSettings settings;
    private final QueryRoutes queries;
    private final ConsoleFiles console = new ConsoleFiles();
    private final HttpMetrics metrics = new HttpMetrics();
    private final byte[] expectedAuthorization;
    private final long startedNanos = System.nanoTime();
    private final Executor blocking;
    private final ServerBinding binding;
    private volatile boolean stopping;

    private HttpServer(Muru muru, HttpSettings settings) {
        this.muru = muru;
        this.settings = settings;
        this.expectedAuthorization = ("Bearer " + settings.authToken()).getBytes(StandardCharsets.UTF_8);
        Materializer materializer = Materializer.matFromSystem(muru.system());
        this.blocking = muru.system().dispatchers().lookup(DispatcherSelector.blocking());
        this.queries = new QueryRoutes(muru, settings, materializer, blocking);
        try {
            this.binding = Http.get(muru.system()).newServerAt(settings.host(), settings.port())
                    .withSettings(serverSettings(muru.system().settings().config(), settings))
                    .bind(this::handle)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + cause.getMessage(), cause);
        }
    }

    /** Starts serving {@code muru} as {@code settings} say; port 0 picks a free port (see {@link #port()}). */
    public static HttpServer start(Muru muru, HttpSettings settings) {
        return new HttpServer(muru, settings);
    }

    /**
     * Pekko's own limits follow ours: bodies past the drain limit fail while they are read, and its
     * request timeout is a backstop behind the statement timeout, which stops queries first.
     */
    private static ServerSettings serverSettings(Config config, HttpSettings settings) {
        Duration statement = settings.statementTimeout();
        String requestTimeout = statement.isZero() ? "infinite" : statement.plusSeconds(30).toMillis() + " ms";
        String idleTimeout = statement.isZero() ? "infinite" : statement.plusSeconds(60).toMillis() + " ms";
        Config overrides = ConfigFactory.parseString(String.join("\n",
                "pekko.http.server.request-timeout = " + requestTimeout,
                "pekko.http.server.idle-timeout = " + idleTimeout,
                "pekko.http.server.server-header = muru",
                "pekko.http.server.parsing.max-content-length = " + QueryRoutes.drainLimit(settings),
                "pekko.http.server.parsing.error-handler = \"" + JsonParsingErrorHandler.class.getName() + "\""));
        return ServerSettings.create(overrides.withFallback(config));
    }

    public int port() {
        return binding.localAddress().getPort();
    }

    public InetSocketAddress address() {
        return binding.localAddress();
    }

    private CompletionStage<HttpResponse> handle(HttpRequest request) {
        long start = System.nanoTime();
        CompletionStage<HttpResponse> response;
        try {
            response = route(request, start);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        boolean readsBody = request.method().equals(HttpMethods.POST) && request.getUri().path().equals("/v1/query");
        return response.exceptionally(HttpErrors::response).thenApply(r -> {
            // A body that no route reads is dropped, so that the connection can go on.
            if (!readsBody) {
                request.discardEntityBytes(muru.system());
            }
            metrics.responded(r.status().intValue());
            return r;
        });
    }

    private CompletionStage<HttpResponse> route(HttpRequest request, long start) {
        if (stopping) {
            return done(HttpErrors.response(503, HttpErrors.SHUTTING_DOWN, "the server is shutting down"));
        }
        String path = request.getUri().path();
        HttpMethod method = request.method();
        boolean pageWithToken = path.equals("/") && tokenInQuery(request);
        if (!pageWithToken && !authorized(request)) {
            return done(HttpErrors.response(401, HttpErrors.UNAUTHORIZED,
                    "this server needs \"Authorization: Bearer <token>\" (the console: open /?token=<token>)")
                    .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"muru\"")));
        }
        if (console.serves(path)) {
            if (!method.equals(HttpMethods.GET) && !method.equals(HttpMethods.HEAD)) {
                return methodNotAllowed(method, path, "GET");
            }
            HttpResponse page = console.response(path);
            // The browser sends the cookie with the console's files and its API calls from now on.
            return done(pageWithToken ? page.addHeader(RawHeader.create("Set-Cookie", TOKEN_COOKIE + "="
                    + settings.authToken() + "; Path=/; HttpOnly; SameSite=Strict")) : page);
        }
        switch (path) {
            case "/v1/query":
                return method.equals(HttpMethods.POST) ? queries.run(request, start) : methodNotAllowed(method, path, "POST");
            case "/v1/queries":
                return method.equals(HttpMethods.GET) ? queries.list() : methodNotAllowed(method, path, "GET");
            case "/v1/health":
                return method.equals(HttpMethods.GET) ? done(health()) : methodNotAllowed(method, path, "GET");
            case "/metrics":
                return method.equals(HttpMethods.GET) ? metricsText() : methodNotAllowed(method, path, "GET");
            default:
                break;
        }
        String prefix = "/v1/queries/";
        if (path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0) {
            return method.equals(HttpMethods.DELETE) ? queries.cancel(path.substring(prefix.length()))
                    : methodNotAllowed(method, path, "DELETE");
        }
        return done(HttpErrors.response(404, HttpErrors.NOT_FOUND, "no route " + path + " (see docs/http.md)"));
    }

    private static CompletionStage<HttpResponse> methodNotAllowed(HttpMethod method, String path, String allowed) {
        return done(HttpErrors.response(405, HttpErrors.METHOD_NOT_ALLOWED, method.name() + " is not allowed on " + path
                + "; use " + allowed).addHeader(RawHeader.create("Allow", allowed)));
    }

    /** The cookie that carries the token for a browser that opened the console with {@code /?token=}. */
    static final String TOKEN_COOKIE = "muru_token";

    /**
     * The token as an {@code Authorization: Bearer} header or as the console's cookie. Compares
     * in constant time, so the answer's timing does not tell how much of a guess was right.
     */
    private boolean authorized(HttpRequest request) {
        if (!settings.authenticates()) {
            return true;
        }
        byte[] given = request.getHeader("Authorization").map(h -> h.value().getBytes(StandardCharsets.UTF_8))
                .orElse(new byte[0]);
        if (MessageDigest.isEqual(given, expectedAuthorization)) {
            return true;
        }
        for (org.apache.pekko.http.javadsl.model.HttpHeader h : request.getHeaders()) {
            if (h.is("cookie")) {
                for (String part : h.value().split(";")) {
                    String c = part.trim();
                    if (c.startsWith(TOKEN_COOKIE + "=") && sameToken(c.substring(TOKEN_COOKIE.length() + 1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean tokenInQuery(HttpRequest request) {
        return settings.authenticates() && request.getUri().query().get("token").map(this::sameToken).orElse(false);
    }

    private boolean sameToken(String token) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                settings.authToken().getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse health() {
        ResponseBuffer out = new ResponseBuffer(128);
        out.ascii("{\"status\":\"ok\",\"uptimeSeconds\":")
                .ascii(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9))
                .ascii(",\"httpQueries\":").number(queries.admitted()).put('}');
        return HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, out.take()));
    }

    private CompletionStage<HttpResponse> metricsText() {
        return CompletableFuture.supplyAsync(() -> HttpResponse.create().withEntity(HttpEntities.create(
                ContentTypes.TEXT_PLAIN_UTF8, MetricsText.render(muru, muru.running().size(), queries.admitted(), metrics))),
                blocking);
    }

    private static CompletionStage<HttpResponse> done(HttpResponse r) {
        return CompletableFuture.completedFuture(r);
    }

    /**
     * Stops taking queries: new requests get 503 while the queries in flight finish sending
     * their results (up to {@code deadline}); then the port and the connections close. The
     * engine stays up.
     */
    public void stop(Duration deadline) {
        stopping = true;
        long end = System.nanoTime() + deadline.toNanos();
        try {
            boolean inFlight = queries.admitted() > 0;
            while (queries.admitted() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            if (inFlight) {
                // A result's last bytes may still be in Pekko's and the socket's buffers when its
                // stream completes; terminating closes the connections.
                Thread.sleep(Math.min(LAST_BYTES_GRACE_MILLIS, Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            }
            long left = Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
            binding.terminate(Duration.ofMillis(left)).toCompletableFuture().get(left + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Shutting down: connections that did not close in time are dropped with the ActorSystem.
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
