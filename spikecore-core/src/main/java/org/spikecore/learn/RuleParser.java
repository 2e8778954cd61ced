package org.spikecore.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a rule text into a {@link RuleExpr}. Grammar (whitespace between tokens is free):
 *
 * <pre>
 * rule    := "dw" "=" sum END
 * sum     := product (("+" | "-") product)*
 * product := unary ("*" unary)*
 * unary   := "-" unary | atom
 * atom    := INTEGER | "2" "^" ["-"] INTEGER | SYMBOL | FUNCTION "(" sum ("," sum)* ")" | "(" sum ")"
 * SYMBOL  := x0 | x1 | x2 | y0 | y1 | y2 | v0 .. v7 | m | r | w
 * FUNCTION:= sign (1 argument) | step (1) | box (3)
 * </pre>
 *
 * Only powers of two may carry an exponent, in −30..30. Errors name the 0-based column.
 */
public final class RuleParser {

    /** Largest magnitude of a power-of-two exponent. */
    public static final int MAX_EXPONENT = 30;

    private final String text;
    private int pos;

    private RuleParser(String text) {
        this.text = text;
    }

    /** The tree of {@code text}'s right-hand side. */
    public static RuleExpr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("rule text must not be null");
        }
        RuleParser p = new RuleParser(text);
        p.expectWord("dw");
        p.expect('=');
        RuleExpr e = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error(p.pos, "unexpected '" + text.charAt(p.pos) + "' after the expression");
        }
        return e;
    }

    private RuleExpr sum() {
        RuleExpr left = product();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                int at = pos;
                boolean subtract = text.charAt(pos++) == '-';
                left = new RuleExpr.Sum(at, left, product(), subtract);
            } else {
                return left;
            }
        }
    }

    private RuleExpr product() {
        RuleExpr left = unary();
        while (true) {
            skipSpace();
            if (peek('*')) {
                int at = pos++;
                left = new RuleExpr.Product(at, left, unary());
            } else {
                return left;
            }
        }
    }

    private RuleExpr unary() {
        skipSpace();
        if (peek('-')) {
            int at = pos++;
            return new RuleExpr.Negate(at, unary());
        }
        return atom();
    }

    private RuleExpr atom() {
        skipSpace();
        if (pos >= text.length()) {
            throw error(pos, "expression ends too early");
        }
        int at = pos;
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            RuleExpr e = sum();
            expect(')');
            return e;
        }
        if (Character.isDigit(c)) {
            long value = integer();
            skipSpace();
            if (peek('^')) {
                if (value != 2) {
                    throw error(at, "only powers of two may have an exponent, got " + value + "^");
                }
                pos++;
                skipSpace();
                int expAt = pos;
                boolean negative = peek('-');
                if (negative) {
                    pos++;
                }
                if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                    throw error(expAt, "bad exponent: expected an integer after 2^");
                }
                long e = integer();
                if (e > MAX_EXPONENT) {
                    throw error(expAt, "bad exponent " + (negative ? "-" : "") + e + ": exponents must lie in -"
                            + MAX_EXPONENT + ".." + MAX_EXPONENT);
                }
                return new RuleExpr.Constant(at, 1, (int) (negative ? -e : e));
            }
            return new RuleExpr.Constant(at, value, 0);
        }
        if (Character.isLetter(c)) {
            String word = word();
            RuleSymbol symbol = RuleSymbol.of(word);
            if (symbol != null) {
                return new RuleExpr.Symbol(at, symbol);
            }
            RuleExpr.Function f = function(word);
            if (f == null) {
                throw error(at, "unknown symbol '" + word + "'");
            }
            expect('(');
            List<RuleExpr> args = new ArrayList<>();
            args.add(sum());
            skipSpace();
            while (peek(',')) {
                pos++;
                args.add(sum());
                skipSpace();
            }
            expect(')');
            if (args.size() != f.arity) {
                throw error(at, word + " takes " + f.arity + " argument" + (f.arity == 1 ? "" : "s") + ", got "
                        + args.size());
            }
            return new RuleExpr.Call(at, f, args);
        }
        throw error(at, "unexpected '" + c + "'");
    }

    private static RuleExpr.Function function(String word) {
        for (RuleExpr.Function f : RuleExpr.Function.values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(word)) {
                return f;
            }
        }
        return null;
    }

    private long integer() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos - start > 9) {
            throw error(start, "integer " + text.substring(start, pos) + " is too large (at most 9 digits)");
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expectWord(String w) {
        skipSpace();
        int at = pos;
        if (pos >= text.length() || !Character.isLetter(text.charAt(pos)) || !word().equals(w)) {
            throw error(at, "a rule starts with '" + w + " ='");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error(pos, "expected '" + c + "'" + (pos < text.length() ? ", got '" + text.charAt(pos) + "'" : ""));
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private RuleException error(int column, String problem) {
        return new RuleException(text, column, problem);
    }
}
