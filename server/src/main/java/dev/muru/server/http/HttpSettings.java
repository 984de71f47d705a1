package dev.muru.server.http;

import com.typesafe.config.Config;
import dev.muru.ByteSize;
import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

import java.time.Duration;

/**
 * The {@code muru.http} settings of the HTTP endpoint (defaults in reference.conf, described in
 * docs/http.md). An empty {@code authToken} turns authentication off.
 */
public record HttpSettings(String host, int port, long maxBodyBytes, int maxConcurrentQueries,
                           Duration statementTimeout, String authToken) {

    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new MuruException(ErrorCode.INVALID_SETTING, "muru.http.port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1 || maxConcurrentQueries < 1) {
            throw new MuruException(ErrorCode.INVALID_SETTING,
                    "muru.http.max-body-size and max-concurrent-queries must be at least 1");
        }
        authToken = authToken == null ? "" : authToken;
        // It travels in a header, a query parameter and a cookie: only characters all three keep as they are.
        if (!authToken.matches("[A-Za-z0-9._~+/=-]*")) {
            throw new MuruException(ErrorCode.INVALID_SETTING,
                    "muru.http.auth-token may hold only letters, digits and . _ ~ + / = -");
        }
    }

    public static HttpSettings fromConfig(Config config) {
        Config c = config.getConfig("muru.http");
        return new HttpSettings(c.getString("interface"), c.getInt("port"),
                ByteSize.parse(c.getString("max-body-size"), "muru.http.max-body-size"),
                c.getInt("max-concurrent-queries"), c.getDuration("statement-timeout"), c.getString("auth-token"));
    }

    public HttpSettings withPort(int port) {
        return new HttpSettings(host, port, maxBodyBytes, maxConcurrentQueries, statementTimeout, authToken);
    }

    public HttpSettings withAuthToken(String token) {
        return new HttpSettings(host, port, maxBodyBytes, maxConcurrentQueries, statementTimeout, token);
    }

    public HttpSettings withMaxConcurrentQueries(int queries) {
        return new HttpSettings(host, port, maxBodyBytes, queries, statementTimeout, authToken);
    }

    public HttpSettings withMaxBodyBytes(long bytes) {
        return new HttpSettings(host, port, bytes, maxConcurrentQueries, statementTimeout, authToken);
    }

    public HttpSettings withStatementTimeout(Duration timeout) {
        return new HttpSettings(host, port, maxBodyBytes, maxConcurrentQueries, timeout, authToken);
    }

    public boolean authenticates() {
        return !authToken.isEmpty();
    }
}
