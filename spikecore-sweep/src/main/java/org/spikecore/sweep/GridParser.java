package org.spikecore.sweep;

import java.util.ArrayList;
import java.util.List;

/** The grid grammar; every error names the 1-based character position where it went wrong. */
final class GridParser {

    private final String text;
    private int at;

    GridParser(String text) {
        this.text = text;
    }

    Grid grid() {
        List<Grid.Axis> axes = new ArrayList<>();
        space();
        while (at < text.length()) {
            axes.add(axis());
            space();
            if (at < text.length()) {
                expect(';', "';' between axes");
                space();
            }
        }
        if (axes.isEmpty()) {
            throw fail(0, "the grid is empty; write it as 'key=values; key=values'");
        }
        return new Grid(axes);
    }

    private Grid.Axis axis() {
        int start = at;
        String key = word();
        if (key.isEmpty()) {
            throw fail(start, "expected a key");
        }
        if (!key.matches("[a-z][a-z0-9_]*")) {
            throw fail(start, "key '" + key + "': use lower-case letters, digits and '_' (weight_bits for --weight-bits)");
        }
        space();
        expect('=', "'=' after key '" + key + "'");
        List<String> values = new ArrayList<>();
        do {
            space();
            item(key, values);
            space();
        } while (accept('|'));
        return new Grid.Axis(key, values);
    }

    /** One value, or a range {@code lo..hi[:step]} of whole numbers. */
    private void item(String key, List<String> values) {
        int start = at;
        String v = word();
        if (v.isEmpty()) {
            throw fail(start, "expected a value for '" + key + "'");
        }
        int dots = v.indexOf("..");
        if (dots < 0) {
            add(key, values, v, start);
            return;
        }
        long lo = whole(v.substring(0, dots), start);
        long hi = whole(v.substring(dots + 2), start + dots + 2);
        long step = 1;
        if (accept(':')) {
            int s = at;
            step = whole(word(), s);
            if (step < 1) {
                throw fail(s, "a range's step must be at least 1");
            }
        }
        if (hi < lo) {
            throw fail(start, "range " + lo + ".." + hi + " is empty (write the smaller bound first)");
        }
        long span = hi - lo; // negative only when it overflowed
        if (span < 0 || span / step >= Grid.MAX_POINTS) {
            throw fail(start, "range " + lo + ".." + hi + " has more than " + Grid.MAX_POINTS + " values");
        }
        for (long k = 0; k <= span / step; k++) {
            add(key, values, Long.toString(lo + k * step), start);
        }
    }

    private void add(String key, List<String> values, String v, int position) {
        if (values.contains(v)) {
            throw fail(position, "'" + key + "' lists " + v + " twice");
        }
        values.add(v);
    }

    private long whole(String s, int position) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw fail(position, "a range is lo..hi of whole numbers, got '" + s + "'");
        }
    }

    private String word() {
        int start = at;
        while (at < text.length() && isValueChar(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private static boolean isValueChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-';
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean accept(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c, String what) {
        if (!accept(c)) {
            throw fail(at, "expected " + what + ", got " + (at < text.length() ? "'" + text.charAt(at) + "'" : "the end"));
        }
    }

    private IllegalArgumentException fail(int position, String message) {
        return new IllegalArgumentException("--grid at position " + (position + 1) + ": " + message);
    }
}
