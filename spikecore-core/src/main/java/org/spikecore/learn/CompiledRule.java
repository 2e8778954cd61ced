package org.spikecore.learn;

import java.util.Set;
import org.spikecore.fixed.Rounding;

/**
 * A rule text compiled to integer operations: a tree of {@link IntOp}s over exact 64-bit values
 * at one fixed scale per node (sums aligned by left shifts, products adding their scales), whose
 * magnitudes the compiler has bounded below 2^62, and a final right shift by {@code fracBits}
 * rounded by {@code rounding}. Immutable; safe to evaluate from any thread.
 *
 * @param text     the rule text
 * @param root     the operations
 * @param fracBits the scale of the root's value (dw = root · 2^−fracBits)
 * @param rounding the rounding of the final shift
 * @param symbols  the symbols the rule reads
 */
public record CompiledRule(String text, IntOp root, int fracBits, Rounding rounding, Set<RuleSymbol> symbols) {

    public CompiledRule {
        if (fracBits < 0 || fracBits > 62) {
            throw new IllegalArgumentException("rule scale must be 0..62 fractional bits, got " + fracBits);
        }
        symbols = Set.copyOf(symbols);
    }

    /** The integer operations. */
    public sealed interface IntOp {
    }

    /** The input of a symbol. */
    public record Load(RuleSymbol symbol) implements IntOp {
    }

    /** A constant. */
    public record Literal(long value) implements IntOp {
    }

    public record Negate(IntOp operand) implements IntOp {
    }

    public record Add(IntOp left, IntOp right) implements IntOp {
    }

    public record Subtract(IntOp left, IntOp right) implements IntOp {
    }

    public record Multiply(IntOp left, IntOp right) implements IntOp {
    }

    /** {@code operand · 2^bits}: aligns a term to a finer scale. */
    public record ShiftLeft(IntOp operand, int bits) implements IntOp {
    }

    public record Sign(IntOp operand) implements IntOp {
    }

    /** 1 when the operand is positive. */
    public record Step(IntOp operand) implements IntOp {
    }

    /** 1 when {@code low < operand < high} (all three at one scale). */
    public record Box(IntOp operand, IntOp low, IntOp high) implements IntOp {
    }

    /** Whether the rule reads symbol s. */
    public boolean uses(RuleSymbol s) {
        return symbols.contains(s);
    }

    /**
     * The exact value of the right-hand side at scale {@code 2^−fracBits} for the given inputs,
     * indexed by {@link RuleSymbol#ordinal()}.
     */
    public long evaluateScaled(int[] inputs) {
        return eval(root, inputs);
    }

    /**
     * dw for the inputs: the exact value shifted right by {@code fracBits} with this rule's
     * rounding ({@code randomBits} used when stochastic), saturated into an int.
     */
    public int dw(int[] inputs, long randomBits) {
        long v = rounding.shiftRight(eval(root, inputs), fracBits, randomBits);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static long eval(IntOp op, int[] in) {
        return switch (op) {
            case Load l -> in[l.symbol().ordinal()];
            case Literal c -> c.value();
            case Negate n -> -eval(n.operand(), in);
            case Add a -> eval(a.left(), in) + eval(a.right(), in);
            case Subtract s -> eval(s.left(), in) - eval(s.right(), in);
            case Multiply m -> eval(m.left(), in) * eval(m.right(), in);
            case ShiftLeft s -> eval(s.operand(), in) << s.bits();
            case Sign s -> Long.signum(eval(s.operand(), in));
            case Step s -> eval(s.operand(), in) > 0 ? 1 : 0;
            case Box b -> {
                long x = eval(b.operand(), in);
                yield x > eval(b.low(), in) && x < eval(b.high(), in) ? 1 : 0;
            }
        };
    }
}
