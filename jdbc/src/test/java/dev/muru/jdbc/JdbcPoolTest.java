package dev.muru.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads at once, through a HikariCP pool with its defaults and with connections of
 * their own: each reads exact aggregates of a shared table and writes and reads back a table
 * of its own, and every answer is checked against the value computed in Java.
 */
class JdbcPoolTest {
    private static final String NAME = "pool-test";
    private static final String URL = MuruDriver.URL_PREFIX + NAME;
    private static final int ITEMS = 20_000;
    private static final int GROUPS = 50;
    private static final int THREADS = 12;
    private static final int ROUNDS = 25;

    @BeforeAll
    static void load() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE items (id INTEGER, grp INTEGER, price DECIMAL(10,2))");
            StringBuilder sb = new StringBuilder("INSERT INTO items VALUES ");
            for (int id = 0; id < ITEMS; id++) {
                sb.append(id == 0 ? "" : ", ").append('(').append(id).append(", ").append(id % GROUPS).append(", ")
                        .append(BigDecimal.valueOf(id, 2).toPlainString()).append(')');
            }
            assertEquals(ITEMS, s.executeUpdate(sb.toString()));
        }
    }

    @AfterAll
    static void stop() {
        MuruDriver.closeEngine(NAME);
    }

    /** COUNT, SUM(price), MIN and MAX of group g, computed in Java. */
    private static String expected(int g) {
        long count = 0;
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int id = 0; id < ITEMS; id++) {
            if (id % GROUPS == g) {
                count++;
                sum = sum.add(BigDecimal.valueOf(id, 2));
                min = Math.min(min, id);
                max = Math.max(max, id);
            }
        }
        return count + " " + sum + " " + min + " " + max;
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }

    /** THREADS threads, ROUNDS rounds each, every answer exact; returns the rounds done. */
    private static int runThreads(ConnectionSource connections, String prefix) throws Exception {
        String[] answers = new String[GROUPS];
        for (int g = 0; g < GROUPS; g++) {
            answers[g] = expected(g);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    String own = prefix + thread;
                    try (Connection c = connections.get(); Statement s = c.createStatement()) {
                        s.executeUpdate("CREATE TABLE " + own + " (k INTEGER, v VARCHAR)");
                    }
                    int rounds = 0;
                    for (int r = 0; r < ROUNDS; r++) {
                        int g = (thread * 7 + r * 13) % GROUPS;
                        try (Connection c = connections.get();
                             PreparedStatement q = c.prepareStatement(
                                     "SELECT COUNT(*), SUM(price), MIN(id), MAX(id) FROM items WHERE grp = ?");
                             PreparedStatement w = c.prepareStatement("INSERT INTO " + own + " VALUES (?, ?)");
                             PreparedStatement back = c.prepareStatement("SELECT COUNT(*), SUM(k), MAX(v) FROM " + own)) {
                            q.setInt(1, g);
                            try (ResultSet rs = q.executeQuery()) {
                                assertTrue(rs.next());
                                String got = rs.getLong(1) + " " + rs.getBigDecimal(2) + " " + rs.getInt(3) + " " + rs.getInt(4);
                                assertEquals(answers[g], got, "group " + g + " in thread " + thread);
                                assertFalse(rs.next());
                            }
                            w.setInt(1, r);
                            w.setString(2, String.format("v%03d", r));
                            assertEquals(1, w.executeUpdate());
                            try (ResultSet rs = back.executeQuery()) {
                                assertTrue(rs.next());
                                assertEquals(r + 1, rs.getInt(1));
                                assertEquals((long) r * (r + 1) / 2, rs.getLong(2));
                                assertEquals(String.format("v%03d", r), rs.getString(3));
                            }
                        }
                        rounds++;
                    }
                    try (Connection c = connections.get(); Statement s = c.createStatement()) {
                        s.executeUpdate("DROP TABLE " + own);
                    }
                    return rounds;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreadsThroughHikariGetExactAnswers() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setMaximumPoolSize(6);
        config.setPoolName("muru-test");
        try (HikariDataSource ds = new HikariDataSource(config)) {
            assertEquals(THREADS * ROUNDS, runThreads(ds::getConnection, "hikari_"));
            assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= 6);
            try (Connection c = ds.getConnection()) {
                assertTrue(c.isValid(5));
                assertTrue(c.isWrapperFor(MuruConnection.class));
            }
        }
    }

    @Test
    void manyThreadsWithConnectionsOfTheirOwnGetExactAnswers() throws Exception {
        assertEquals(THREADS * ROUNDS, runThreads(() -> DriverManager.getConnection(URL), "own_"));
    }
}
