package org.spikecore.io.npy;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.spikecore.SpikecoreException;

/**
 * The header dict of a {@code .npy} file, parsed from its Python literal, e.g.
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (40, 8, 64), }}.
 */
record NpyHeader(NpyType type, ByteOrder order, boolean fortran, int[] shape) {

    /** Parses {@code text}; {@code where} starts every message. */
    static NpyHeader parse(String text, String where) {
        Parser p = new Parser(text, where);
        String descr = null;
        Boolean fortran = null;
        int[] shape = null;
        p.expect('{');
        while (!p.peekIs('}')) {
            String key = p.string();
            p.expect(':');
            switch (key) {
                case "descr" -> descr = p.string();
                case "fortran_order" -> fortran = p.bool();
                case "shape" -> shape = p.tuple();
                default -> throw new SpikecoreException(where + "unexpected header key '" + key + "'");
            }
            if (!p.peekIs('}')) {
                p.expect(',');
            }
        }
        p.expect('}');
        if (descr == null || fortran == null || shape == null) {
            throw new SpikecoreException(where + "header lacks " + (descr == null ? "'descr'" : fortran == null ? "'fortran_order'" : "'shape'"));
        }
        if (descr.length() < 3) {
            throw new SpikecoreException(where + "unsupported dtype '" + descr + "'");
        }
        char endian = descr.charAt(0);
        NpyType type = NpyType.of(descr.charAt(1), digits(descr.substring(2)));
        if (type == null || "<>|=".indexOf(endian) < 0) {
            throw new SpikecoreException(where + "unsupported dtype '" + descr
                    + "' (spikecore reads bool, uint8, int8, int16, int32, int64, float32, float64)");
        }
        ByteOrder order = endian == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        return new NpyHeader(type, order, fortran, shape);
    }

    private static int digits(String s) {
        if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    /** A small reader of the Python literal subset the header uses. */
    private static final class Parser {
        private final String s;
        private final String where;
        private int at;

        Parser(String s, String where) {
            this.s = s;
            this.where = where;
        }

        private void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        boolean peekIs(char c) {
            skipSpace();
            if (at >= s.length()) {
                throw new SpikecoreException(where + "header ends early");
            }
            return s.charAt(at) == c;
        }

        void expect(char c) {
            if (!peekIs(c)) {
                throw new SpikecoreException(where + "malformed header: expected '" + c + "' at character " + at);
            }
            at++;
        }

        String string() {
            skipSpace();
            if (at >= s.length() || (s.charAt(at) != '\'' && s.charAt(at) != '"')) {
                throw new SpikecoreException(where + "malformed header: expected a quoted string at character " + at);
            }
            char quote = s.charAt(at++);
            int end = s.indexOf(quote, at);
            if (end < 0) {
                throw new SpikecoreException(where + "malformed header: unterminated string");
            }
            String v = s.substring(at, end);
            at = end + 1;
            return v;
        }

        boolean bool() {
            skipSpace();
            if (s.startsWith("True", at)) {
                at += 4;
                return true;
            }
            if (s.startsWith("False", at)) {
                at += 5;
                return false;
            }
            throw new SpikecoreException(where + "malformed header: fortran_order is neither True nor False");
        }

        int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (!peekIs(')')) {
                int start = at;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                if (at == start || at - start > 10) {
                    throw new SpikecoreException(where + "malformed header: shape entry at character " + start + " is not a size");
                }
                long d = Long.parseLong(s.substring(start, at));
                if (d > Integer.MAX_VALUE) {
                    throw new SpikecoreException(where + "shape dimension " + d + " is too large");
                }
                if (at < s.length() && s.charAt(at) == 'L') {
                    at++; // Python 2 long literal
                }
                dims.add((int) d);
                if (!peekIs(')')) {
                    expect(',');
                }
            }
            expect(')');
            if (dims.size() > 32) {
                throw new SpikecoreException(where + "shape has " + dims.size() + " dimensions, NumPy allows 32");
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
