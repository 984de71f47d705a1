package dev.muru.server.http;

import dev.muru.Muru;
import dev.muru.engine.EngineMetrics;

import java.util.Locale;
import java.util.Map;

/** The Prometheus text exposition (format 0.0.4) of {@code GET /metrics}; every name starts with {@code muru_}. */
final class MetricsText {
    private final StringBuilder out = new StringBuilder(2048);

    private MetricsText() {
    }

    static String render(Muru muru, int runningQueries, int httpQueries, HttpMetrics http) {
        EngineMetrics m = muru.metrics();
        MetricsText t = new MetricsText();
        t.metric("muru_queries_total", "counter", "Statements finished, failed ones included.", m.queries());
        t.metric("muru_queries_failed_total", "counter",
                "Statements that failed (errors, cancellations, timeouts).", m.failedQueries());
        t.metric("muru_queries_running", "gauge", "Statements running now, their results' streaming included.", runningQueries);
        t.metric("muru_rows_scanned_total", "counter", "Rows read from tables by scans.", m.rowsScanned());
        t.metric("muru_memory_reserved_bytes", "gauge", "Bytes reserved by running statements.", muru.memoryReserved());
        t.metric("muru_memory_limit_bytes", "gauge", "What all statements together may reserve.", muru.memoryBudget().limit());
        t.header("muru_pipelines_total", "counter", "Pipelines finished, by how they ran.");
        for (EngineMetrics.Mode mode : EngineMetrics.Mode.values()) {
            t.sample("muru_pipelines_total{mode=\"" + mode.name().toLowerCase(Locale.ROOT) + "\"}", m.pipelines(mode));
        }
        t.metric("muru_http_queries_running", "gauge", "Queries admitted through HTTP and not finished.", httpQueries);
        t.header("muru_http_responses_total", "counter", "HTTP responses, by status code.");
        for (Map.Entry<Integer, Long> e : http.responses().entrySet()) {
            t.sample("muru_http_responses_total{code=\"" + e.getKey() + "\"}", e.getValue());
        }
        t.metric("muru_jvm_heap_used_bytes", "gauge", "Heap in use by the server's JVM.",
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        return t.out.toString();
    }

    private void metric(String name, String type, String help, long value) {
        header(name, type, help);
        sample(name, value);
    }

    private void header(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String series, long value) {
        out.append(series).append(' ').append(value).append('\n');
    }
}
