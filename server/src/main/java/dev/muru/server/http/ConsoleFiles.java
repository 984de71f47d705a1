package dev.muru.server.http;

import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The web console's static files (plain HTML, CSS and JavaScript under
 * {@code dev/muru/server/console/} on the classpath), read once at start: {@code /} is the page,
 * {@code /console/NAME} its assets. With a token configured they need it too (see HttpServer).
 */
final class ConsoleFiles {
    private static final String ROOT = "dev/muru/server/console/";
    private final Map<String, HttpResponse> files = new HashMap<>();

    ConsoleFiles() {
        add("/", "index.html", ContentTypes.TEXT_HTML_UTF8);
        add("/console/console.css", "console.css", MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8));
        add("/console/console.js", "console.js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8));
    }

    private void add(String path, String resource, ContentType type) {
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing console resource " + ROOT + resource);
            }
            files.put(path, HttpResponse.create().withEntity(HttpEntities.create(type, in.readAllBytes()))
                    .addHeader(RawHeader.create("Cache-Control", "no-cache")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean serves(String path) {
        return files.containsKey(path);
    }

    HttpResponse response(String path) {
        return files.get(path);
    }
}
