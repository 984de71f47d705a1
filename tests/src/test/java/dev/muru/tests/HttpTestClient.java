package dev.muru.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A loopback client for the HTTP tests: plain requests through java.net.http, raw bytes through a socket. */
final class HttpTestClient {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final String token;

    HttpTestClient(int port) {
        this(port, null);
    }

    HttpTestClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** POST /v1/query with the SQL as text/plain. */
    HttpResponse<String> query(String sql) {
        return query("/v1/query", sql);
    }

    HttpResponse<String> query(String pathAndQuery, String sql) {
        return send(request(pathAndQuery).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(sql)).build());
    }

    HttpResponse<String> json(String body) {
        return send(request("/v1/query").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a connection and sends {@code head} (a request line and headers, CRLF-separated) and {@code body}. */
    Socket raw(String head, byte[] body) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return s;
    }

    /** A POST /v1/query on a raw connection, for tests that stop reading or hang up. */
    Socket rawQuery(String sql) throws IOException {
        byte[] body = sql.getBytes(StandardCharsets.UTF_8);
        return raw("POST /v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                + (token != null ? "Authorization: Bearer " + token + "\r\n" : "")
                + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    /** Reads until {@code bytes} bytes came or the stream ended; returns them as ISO-8859-1 text. */
    static String read(InputStream in, int bytes) throws IOException {
        byte[] buf = in.readNBytes(bytes);
        return new String(buf, StandardCharsets.ISO_8859_1);
    }
}
