package io.gptload.shared.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Validating single-pass scanner over UTF-8 JSON bytes. It records positions only and never
 * builds values, so a large body costs one pass and no per-character allocation. Nesting is
 * tracked with an explicit stack, so deep documents cannot overflow the thread stack.
 * Every method answers {@code -1} (or {@code null}) for malformed input instead of throwing.
 */
final class JsonScanner {

    /** One top-level member: key span includes both quotes, value span is the exact value text. */
    record Member(int keyStart, int keyEnd, int valueStart, int valueEnd) {
    }

    /** Members of an object in document order and the index of its closing brace. */
    record Layout(List<Member> members, int close) {
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final byte[] b;
    private final int end;

    private JsonScanner(byte[] b, int end) {
        this.b = b;
        this.end = end;
    }

    /** Layout of the object filling {@code b[from, to)} (surrounding whitespace allowed; a UTF-8 BOM at {@code from}), or null. */
    static Layout object(byte[] b, int from, int to) {
        if (b == null || from < 0 || to > b.length || from >= to) {
            return null;
        }
        int p = from;
        if (to - p >= 3 && (b[p] & 0xFF) == 0xEF && (b[p + 1] & 0xFF) == 0xBB && (b[p + 2] & 0xFF) == 0xBF) {
            p += 3;
        }
        JsonScanner s = new JsonScanner(b, to);
        p = s.ws(p);
        if (p >= to || b[p] != '{') {
            return null;
        }
        List<Member> members = new ArrayList<>();
        p = s.ws(p + 1);
        if (p < to && b[p] == '}') {
            return s.ws(p + 1) == to ? new Layout(List.of(), p) : null;
        }
        while (true) {
            int keyStart = p;
            int afterKey = s.string(p);
            if (afterKey < 0) {
                return null;
            }
            p = s.ws(afterKey);
            if (p >= to || b[p] != ':') {
                return null;
            }
            int valueStart = s.ws(p + 1);
            int valueEnd = s.value(valueStart);
            if (valueEnd < 0) {
                return null;
            }
            members.add(new Member(keyStart, afterKey, valueStart, valueEnd));
            p = s.ws(valueEnd);
            if (p >= to) {
                return null;
            }
            if (b[p] == '}') {
                return s.ws(p + 1) == to ? new Layout(members, p) : null;
            }
            if (b[p] != ',') {
                return null;
            }
            p = s.ws(p + 1);
        }
    }

    /** True when {@code b[from, to)} is exactly one JSON value, optionally surrounded by whitespace. */
    static boolean isValue(byte[] b, int from, int to) {
        JsonScanner s = new JsonScanner(b, to);
        int start = s.ws(from);
        int stop = s.value(start);
        return stop >= 0 && s.ws(stop) == to;
    }

    private int ws(int p) {
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** Any value starting at {@code p}; returns the index after it or -1. */
    private int value(int p) {
        byte[] stack = null;
        int depth = 0;
        while (true) {
            p = ws(p);
            if (p >= end) {
                return -1;
            }
            byte c = b[p];
            if (c == '{' || c == '[') {
                if (stack == null) {
                    stack = new byte[16];
                } else if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = c;
                p = ws(p + 1);
                if (p >= end) {
                    return -1;
                }
                if (b[p] == (c == '{' ? '}' : ']')) {
                    depth--;
                    p++;
                } else {
                    if (c == '{' && (p = key(p)) < 0) {
                        return -1;
                    }
                    continue;
                }
            } else if ((p = scalar(p)) < 0) {
                return -1;
            }
            // a value just ended at p: close containers or move to the next element
            while (true) {
                if (depth == 0) {
                    return p;
                }
                p = ws(p);
                if (p >= end) {
                    return -1;
                }
                byte top = stack[depth - 1];
                c = b[p];
                if (c == ',') {
                    p = ws(p + 1);
                    if (top == '{' && (p = key(p)) < 0) {
                        return -1;
                    }
                    break;
                }
                if (c != (top == '{' ? '}' : ']')) {
                    return -1;
                }
                depth--;
                p++;
            }
        }
    }

    /** A member name and its colon; returns the index after the colon or -1. */
    private int key(int p) {
        int q = string(p);
        if (q < 0) {
            return -1;
        }
        q = ws(q);
        return q < end && b[q] == ':' ? q + 1 : -1;
    }

    private int scalar(int p) {
        return switch (b[p]) {
            case '"' -> string(p);
            case 't' -> literal(p, TRUE);
            case 'f' -> literal(p, FALSE);
            case 'n' -> literal(p, NULL);
            default -> number(p);
        };
    }

    /** A string starting at {@code p} (which must be a quote); returns the index after the closing quote or -1. */
    private int string(int p) {
        if (p >= end || b[p] != '"') {
            return -1;
        }
        p++;
        while (p < end) {
            int c = b[p] & 0xFF;
            if (c == '"') {
                return p + 1;
            }
            if (c < 0x20) {
                return -1;
            }
            if (c == '\\') {
                if (p + 1 >= end) {
                    return -1;
                }
                switch (b[p + 1]) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> p += 2;
                    case 'u' -> {
                        if (p + 6 > end) {
                            return -1;
                        }
                        for (int i = p + 2; i < p + 6; i++) {
                            if (Character.digit(b[i], 16) < 0) {
                                return -1;
                            }
                        }
                        p += 6;
                    }
                    default -> {
                        return -1;
                    }
                }
            } else {
                p++;
            }
        }
        return -1;
    }

    private int literal(int p, byte[] word) {
        if (p + word.length > end || !Arrays.equals(b, p, p + word.length, word, 0, word.length)) {
            return -1;
        }
        return p + word.length;
    }

    private int number(int p) {
        if (p < end && b[p] == '-') {
            p++;
        }
        if (p >= end || !digit(b[p])) {
            return -1;
        }
        if (b[p] == '0') {
            p++;
        } else {
            p = digits(p);
        }
        if (p < end && b[p] == '.') {
            if (p + 1 >= end || !digit(b[p + 1])) {
                return -1;
            }
            p = digits(p + 1);
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            if (p >= end || !digit(b[p])) {
                return -1;
            }
            p = digits(p);
        }
        return p;
    }

    private int digits(int p) {
        while (p < end && digit(b[p])) {
            p++;
        }
        return p;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
