package org.spikecore.learn;

import java.util.List;

/**
 * The syntax tree of a rule's right-hand side, as {@link RuleParser} builds it; every node keeps
 * the 0-based column where it starts, so validation can name it.
 */
public sealed interface RuleExpr {

    int column();

    /** An integer literal, or a power of two {@code 2^e} (e may be negative). */
    record Constant(int column, long value, int exponent) implements RuleExpr {
    }

    /** A named quantity. */
    record Symbol(int column, RuleSymbol symbol) implements RuleExpr {
    }

    /** {@code −e}. */
    record Negate(int column, RuleExpr operand) implements RuleExpr {
    }

    /** {@code a + b} or {@code a − b}. */
    record Sum(int column, RuleExpr left, RuleExpr right, boolean subtract) implements RuleExpr {
    }

    /** {@code a · b}. */
    record Product(int column, RuleExpr left, RuleExpr right) implements RuleExpr {
    }

    /** {@code sign(e)}, {@code step(e)} or {@code box(e, low, high)}. */
    record Call(int column, Function function, List<RuleExpr> arguments) implements RuleExpr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** The functions of the rule language. */
    enum Function {
        /** −1, 0 or 1. */
        SIGN(1),
        /** Heaviside: 1 when the argument is positive, else 0. */
        STEP(1),
        /** Boxcar: 1 when {@code low < e < high}, else 0. */
        BOX(3);

        final int arity;

        Function(int arity) {
            this.arity = arity;
        }
    }
}
