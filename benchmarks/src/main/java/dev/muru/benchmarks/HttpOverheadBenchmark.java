package dev.muru.benchmarks;

import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.QueryResult;
import dev.muru.server.http.HttpServer;
import dev.muru.server.http.HttpSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * What HTTP adds to a query: the same 1,000-row SELECT run embedded ({@code muru.query}) and
 * over loopback HTTP as JSON (one keep-alive connection, the body read whole). Compare the
 * p0.50 lines of the two (target: HTTP adds at most 2 ms).
 *
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar HttpOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class HttpOverheadBenchmark {
    static final String SQL = "SELECT id, name, v, d FROM t";

    private Muru muru;
    private HttpServer server;
    private HttpClient client;
    private HttpRequest request;

    @Setup
    public void start() {
        muru = Muru.start(MuruSettings.load());
        muru.execute("CREATE TABLE t (id INTEGER, name VARCHAR, v DOUBLE, d DECIMAL(10,2))");
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < 1000; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'name ").append(i).append("', ")
                    .append(i * 0.25).append(", ").append(i).append(".").append(i % 100).append(')');
        }
        muru.execute(sb.toString());
        server = HttpServer.start(muru, HttpSettings.fromConfig(muru.settings().config()).withPort(0));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/query"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(SQL)).build();
        if (embedded().rowCount() != 1000 || !new String(httpJson(), java.nio.charset.StandardCharsets.UTF_8).contains("\"rowCount\":1000,")) {
            throw new IllegalStateException("the benchmark query does not give its 1,000 rows");
        }
    }

    @Benchmark
    public QueryResult embedded() {
        return muru.query(SQL);
    }

    @Benchmark
    public byte[] httpJson() {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown
    public void stop() {
        server.close();
        muru.close();
    }
}
