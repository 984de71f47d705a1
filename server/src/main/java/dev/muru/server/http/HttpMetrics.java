package dev.muru.server.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the HTTP server counts itself: responses by status code. Thread-safe. */
final class HttpMetrics {
    private final ConcurrentHashMap<Integer, LongAdder> responses = new ConcurrentHashMap<>();

    void responded(int status) {
        responses.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    /** Responses so far by status code, in order. */
    Map<Integer, Long> responses() {
        Map<Integer, Long> out = new TreeMap<>();
        responses.forEach((status, count) -> out.put(status, count.sum()));
        return out;
    }
}
