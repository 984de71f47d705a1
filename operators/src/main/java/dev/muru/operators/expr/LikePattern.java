package dev.muru.operators.expr;

import dev.muru.core.ErrorCode;
import dev.muru.core.MuruException;

import java.util.ArrayList;
import java.util.List;

/**
 * A LIKE pattern compiled once: the shapes queries mostly use ('abc', 'abc%', '%abc', '%abc%',
 * '%') run as String.equals/startsWith/endsWith/contains; anything else is split at % into
 * segments of literal code points and _ wildcards, matched greedily left to right (leftmost match
 * of each middle segment is always safe with %). _ matches one code point.
 */
final class LikePattern {
    enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, ANY, GENERAL }

    /** A segment item for _ (code points are never negative). */
    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    private final Shape shape;
    private final String literal;
    private final int[][] segments;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    private LikePattern(Shape shape, String literal, int[][] segments, boolean anchoredStart, boolean anchoredEnd) {
        this.shape = shape;
        this.literal = literal;
        this.segments = segments;
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
    }

    /** Compiles {@code pattern} with an escape code point, or -1 for none. */
    static LikePattern compile(String pattern, int escape) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escape) {
                if (i >= pattern.length()) {
                    throw new MuruException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                            "LIKE pattern must not end with escape character");
                }
                int escaped = pattern.codePointAt(i);
                i += Character.charCount(escaped);
                items.add(escaped);
            } else if (cp == '%') {
                if (items.isEmpty() || items.get(items.size() - 1) != ANY_RUN) {
                    items.add(ANY_RUN);
                }
            } else {
                items.add(cp == '_' ? ANY_ONE : cp);
            }
        }
        // Split at % into segments; a leading or trailing % unanchors that end
        List<int[]> segments = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        boolean hasAnyOne = false;
        for (int item : items) {
            if (item == ANY_RUN) {
                if (!current.isEmpty()) {
                    segments.add(current.stream().mapToInt(Integer::intValue).toArray());
                    current.clear();
                }
            } else {
                hasAnyOne |= item == ANY_ONE;
                current.add(item);
            }
        }
        if (!current.isEmpty()) {
            segments.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        boolean anchoredStart = items.isEmpty() || items.get(0) != ANY_RUN;
        boolean anchoredEnd = items.isEmpty() || items.get(items.size() - 1) != ANY_RUN;
        int[][] segs = segments.toArray(new int[0][]);
        if (!hasAnyOne && segs.length <= 1) {
            String lit = segs.length == 0 ? "" : new String(segs[0], 0, segs[0].length);
            Shape shape = segs.length == 0 && !anchoredStart ? Shape.ANY
                    : anchoredStart && anchoredEnd ? Shape.EXACT
                    : anchoredStart ? Shape.PREFIX
                    : anchoredEnd ? Shape.SUFFIX
                    : Shape.CONTAINS;
            return new LikePattern(shape, lit, null, anchoredStart, anchoredEnd);
        }
        return new LikePattern(Shape.GENERAL, null, segs, anchoredStart, anchoredEnd);
    }

    Shape shape() {
        return shape;
    }

    boolean matches(String s) {
        switch (shape) {
            case EXACT: return s.equals(literal);
            case PREFIX: return s.startsWith(literal);
            case SUFFIX: return s.endsWith(literal);
            case CONTAINS: return s.contains(literal);
            case ANY: return true;
            default: return matchesSegments(s);
        }
    }

    private boolean matchesSegments(String s) {
        int len = s.length();
        int pos = 0;
        int first = 0;
        int last = segments.length - 1;
        if (anchoredStart) {
            pos = matchAt(s, 0, segments[0]);
            if (pos < 0) {
                return false;
            }
            if (last == 0 && anchoredEnd) {
                return pos == len;
            }
            first = 1;
        }
        int end = anchoredEnd ? last - 1 : last;
        for (int g = first; g <= end; g++) {
            pos = find(s, pos, segments[g]);
            if (pos < 0) {
                return false;
            }
        }
        if (!anchoredEnd) {
            return true;
        }
        // The last segment covers exactly the string's last code points, after pos
        int[] tail = segments[last];
        int start = len;
        for (int i = 0; i < tail.length; i++) {
            if (start <= pos) {
                return false;
            }
            start = s.offsetByCodePoints(start, -1);
        }
        return start >= pos && matchAt(s, start, tail) == len;
    }

    /** The leftmost match of a segment at or after {@code from}: the index after it, or -1. */
    private static int find(String s, int from, int[] segment) {
        for (int start = from; start < s.length(); start += Character.charCount(s.codePointAt(start))) {
            int end = matchAt(s, start, segment);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** Matches a segment at {@code start}: the index after it, or -1. */
    private static int matchAt(String s, int start, int[] segment) {
        int i = start;
        for (int item : segment) {
            if (i >= s.length()) {
                return -1;
            }
            int cp = s.codePointAt(i);
            if (item != ANY_ONE && item != cp) {
                return -1;
            }
            i += Character.charCount(cp);
        }
        return i;
    }
}
