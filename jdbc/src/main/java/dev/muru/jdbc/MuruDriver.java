package dev.muru.jdbc;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.muru.Muru;
import dev.muru.MuruSettings;
import dev.muru.Session;
import dev.muru.core.MuruException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The JDBC driver for {@code jdbc:muru:mem:NAME[?setting=value&...]}. Connections with the same
 * NAME in one JVM share one in-memory engine, which starts with the first connection and lives
 * until {@link #closeEngine} or the end of the JVM; each connection is a session of it. Settings
 * in the URL and in the connection properties (all but {@code user} and {@code password}) are
 * applied to the session with {@code SET}, e.g. {@code ?threads=2&statement_timeout=30s}.
 * Registered through {@code META-INF/services/java.sql.Driver} and when this class loads.
 */
public final class MuruDriver implements Driver {
    public static final String URL_PREFIX = "jdbc:muru:mem:";
    /** The project version (e.g. 0.1.0-SNAPSHOT), as Maven wrote it into version.properties. */
    public static final String VERSION = loadVersion();

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Map<String, Muru> ENGINES = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new MuruDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String loadVersion() {
        try (InputStream in = MuruDriver.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }

    /** The leading number of the version: 0 of 0.1.0-SNAPSHOT. */
    static int versionPart(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- engines by name

    /** The engine connections to {@code jdbc:muru:mem:name} use, or null when none has started. */
    public static Muru engine(String name) {
        return ENGINES.get(name);
    }

    /**
     * Lets connections to {@code jdbc:muru:mem:name} use an engine the application started
     * (e.g. with its own settings). False when that name already has an engine.
     */
    public static boolean register(String name, Muru muru) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an engine name is letters, digits, '_', '.' and '-': " + name);
        }
        return ENGINES.putIfAbsent(name, muru) == null;
    }

    /**
     * Stops the engine of this name and drops its data; its connections then fail. A later
     * connection to the name starts an empty engine. False when there is none.
     */
    public static boolean closeEngine(String name) {
        Muru muru = ENGINES.remove(name);
        if (muru == null) {
            return false;
        }
        muru.close();
        return true;
    }

    /**
     * Engines of the driver run on daemon threads (unless {@code pekko.daemonic} is set), so an
     * application that never closes them can still end.
     */
    private static Muru startEngine() {
        Config config = MuruSettings.defaultConfig();
        if (!ConfigFactory.systemProperties().hasPath("pekko.daemonic")) {
            config = ConfigFactory.parseString("pekko.daemonic = on").withFallback(config);
        }
        return Muru.start(MuruSettings.fromConfig(config, System.getenv(MuruSettings.THRESHOLD_ENV)));
    }

    // ---------------------------------------------------------------- Driver

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL_PREFIX);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // another driver's URL, as DriverManager expects
        }
        String rest = url.substring(URL_PREFIX.length());
        int q = rest.indexOf('?');
        String name = q < 0 ? rest : rest.substring(0, q);
        if (!NAME.matcher(name).matches()) {
            throw new SQLException("bad Muru URL " + url + ": expected jdbc:muru:mem:NAME[?setting=value&...]"
                    + " with a NAME of letters, digits, '_', '.' and '-'", "08001");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new SQLException("bad Muru URL " + url + ": '" + pair + "' is not setting=value", "08001");
                }
                settings.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                settings.put(key, info.getProperty(key));
            }
        }
        String user = settings.remove("user");
        settings.remove("password"); // Muru has no users; any credentials are accepted
        Muru muru;
        try {
            muru = ENGINES.computeIfAbsent(name, n -> startEngine());
        } catch (MuruException e) {
            throw SqlErrors.of(e);
        }
        Session session = muru.session();
        for (Map.Entry<String, String> s : settings.entrySet()) {
            apply(session, s.getKey(), s.getValue());
        }
        return new MuruConnection(muru, session, url, user);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void apply(Session session, String name, String value) throws SQLException {
        if (!SETTING.matcher(name).matches()) {
            throw new SQLException("bad Muru setting name '" + name + "'", "08001");
        }
        try {
            session.execute("SET " + name + " = '" + value.replace("'", "''") + "'");
        } catch (MuruException e) {
            throw SqlErrors.of(e);
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return versionPart(0);
    }

    @Override
    public int getMinorVersion() {
        return versionPart(1);
    }

    /** Not fully: no transactions spanning statements, no TIME/TIMESTAMP types. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("Muru logs through SLF4J, not java.util.logging");
    }
}
