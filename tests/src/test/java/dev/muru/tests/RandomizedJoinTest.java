package dev.muru.tests;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random tables with duplicate and NULL keys: every join kind, with and without a residual
 * condition, against a brute-force nested loop in Java, on the sequential and parallel engines.
 */
class RandomizedJoinTest {
    private record Row(Integer k, Integer v) {
    }

    @Test
    void joinsAgreeWithNestedLoops() {
        Random random = new Random(20261125);
        for (int round = 0; round < 12; round++) {
            int n = 50 + random.nextInt(400);
            int m = 50 + random.nextInt(400);
            int domain = 5 + random.nextInt(200);
            List<Row> r = rows(random, n, domain);
            List<Row> s = rows(random, m, domain);
            try (DualEngine db = new DualEngine(1 + random.nextInt(64))) {
                load(db, "r", r);
                load(db, "s", s);
                for (boolean residual : new boolean[]{false, true}) {
                    String extra = residual ? " AND r.v < s.v" : "";
                    long pairs = 0;
                    long sumR = 0;
                    long sumS = 0;
                    long leftUnmatched = 0;
                    long rightUnmatched = 0;
                    long semi = 0;
                    boolean[] sMatched = new boolean[s.size()];
                    for (Row a : r) {
                        boolean any = false;
                        for (int j = 0; j < s.size(); j++) {
                            Row b = s.get(j);
                            if (matches(a, b, residual)) {
                                pairs++;
                                sumR += a.v();
                                sumS += b.v();
                                any = true;
                                sMatched[j] = true;
                            }
                        }
                        if (any) {
                            semi++;
                        } else {
                            leftUnmatched++;
                        }
                    }
                    for (boolean b : sMatched) {
                        rightUnmatched += b ? 0 : 1;
                    }
                    String on = " ON r.k = s.k" + extra;
                    db.check("SELECT COUNT(*), SUM(r.v), SUM(s.v) FROM r JOIN s" + on,
                            pairs + "|" + (pairs == 0 ? "NULL" : sumR) + "|" + (pairs == 0 ? "NULL" : sumS));
                    db.check("SELECT COUNT(*), COUNT(s.k) FROM r LEFT JOIN s" + on, (pairs + leftUnmatched) + "|" + pairs);
                    db.check("SELECT COUNT(*), COUNT(r.k) FROM r RIGHT JOIN s" + on, (pairs + rightUnmatched) + "|" + pairs);
                    db.check("SELECT COUNT(*) FROM r FULL JOIN s" + on, Long.toString(pairs + leftUnmatched + rightUnmatched));
                    db.check("SELECT COUNT(*) FROM r WHERE EXISTS (SELECT 1 FROM s WHERE r.k = s.k" + extra + ")", Long.toString(semi));
                    db.check("SELECT COUNT(*) FROM r WHERE NOT EXISTS (SELECT 1 FROM s WHERE r.k = s.k" + extra + ")",
                            Long.toString(leftUnmatched));
                }
                db.check("SELECT COUNT(*) FROM r WHERE r.k IN (SELECT k FROM s)", Long.toString(inCount(r, s, false)));
                db.check("SELECT COUNT(*) FROM r WHERE r.k NOT IN (SELECT k FROM s)", Long.toString(inCount(r, s, true)));
                db.check("SELECT COUNT(*) FROM r WHERE r.k NOT IN (SELECT k FROM s WHERE k IS NOT NULL)",
                        Long.toString(inCount(r, withoutNullKeys(s), true)));
            }
        }
    }

    private static boolean matches(Row a, Row b, boolean residual) {
        return a.k() != null && a.k().equals(b.k()) && (!residual || a.v() < b.v());
    }

    /** Rows where k [NOT] IN (s.k) is TRUE, with SQL's NULL rules. */
    private static long inCount(List<Row> r, List<Row> s, boolean negated) {
        boolean sHasNull = s.stream().anyMatch(x -> x.k() == null);
        long count = 0;
        for (Row a : r) {
            boolean found = a.k() != null && s.stream().anyMatch(x -> a.k().equals(x.k()));
            Boolean in = found ? Boolean.TRUE : s.isEmpty() ? Boolean.FALSE : a.k() == null || sHasNull ? null : Boolean.FALSE;
            if (in != null && in != negated) {
                count++;
            }
        }
        return count;
    }

    private static List<Row> withoutNullKeys(List<Row> s) {
        List<Row> out = new ArrayList<>();
        for (Row x : s) {
            if (x.k() != null) {
                out.add(x);
            }
        }
        return out;
    }

    private static List<Row> rows(Random random, int n, int domain) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Row(random.nextInt(20) == 0 ? null : random.nextInt(domain), random.nextInt(1000)));
        }
        return out;
    }

    private static void load(DualEngine db, String table, List<Row> rows) {
        db.execute("CREATE TABLE " + table + " (k INTEGER, v INTEGER)");
        StringBuilder sb = new StringBuilder("INSERT INTO " + table + " VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(rows.get(i).k()).append(", ").append(rows.get(i).v()).append(')');
        }
        db.execute(sb.toString());
    }
}
