package org.spikecore.learn;

import java.util.EnumSet;
import java.util.Set;
import org.spikecore.fixed.Rounding;

/**
 * Compiles a rule text to a {@link CompiledRule}: parses it ({@link RuleParser}), gives every
 * node an exact fixed-point scale (a power of two {@code 2^−k} contributes k fractional bits, a
 * product adds its factors' bits, a sum aligns its terms to the finer one), and bounds every
 * intermediate magnitude from the {@link SymbolRanges}; a rule that could exceed 2^62 anywhere
 * is rejected with the column of the offending node.
 */
public final class RuleCompiler {

    private static final double LIMIT = 0x1p62;

    private final String text;
    private final SymbolRanges ranges;
    private final Set<RuleSymbol> used = EnumSet.noneOf(RuleSymbol.class);

    private record Scaled(CompiledRule.IntOp op, int frac, double bound) {
    }

    private RuleCompiler(String text, SymbolRanges ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    /** Parses, validates and compiles {@code text}; dw is rounded by {@code rounding}. */
    public static CompiledRule compile(String text, SymbolRanges ranges, Rounding rounding) {
        if (ranges == null || rounding == null) {
            throw new IllegalArgumentException("a rule needs symbol ranges and a rounding");
        }
        RuleCompiler c = new RuleCompiler(text, ranges);
        Scaled root = c.compile(RuleParser.parse(text));
        return new CompiledRule(text, root.op(), root.frac(), rounding, c.used);
    }

    private Scaled compile(RuleExpr e) {
        Scaled s = switch (e) {
            case RuleExpr.Constant k -> k.exponent() >= 0
                    ? new Scaled(new CompiledRule.Literal(k.value() << k.exponent()), 0,
                            Math.abs((double) k.value()) * Math.pow(2, k.exponent()))
                    : new Scaled(new CompiledRule.Literal(k.value()), -k.exponent(), Math.abs((double) k.value()));
            case RuleExpr.Symbol y -> {
                used.add(y.symbol());
                yield new Scaled(new CompiledRule.Load(y.symbol()), 0, ranges.magnitude(y.symbol()));
            }
            case RuleExpr.Negate n -> {
                Scaled a = compile(n.operand());
                yield new Scaled(new CompiledRule.Negate(a.op()), a.frac(), a.bound());
            }
            case RuleExpr.Sum sum -> {
                Scaled a = compile(sum.left());
                Scaled b = compile(sum.right());
                int f = Math.max(a.frac(), b.frac());
                CompiledRule.IntOp l = align(a, f);
                CompiledRule.IntOp r = align(b, f);
                double bound = a.bound() * Math.pow(2, f - a.frac()) + b.bound() * Math.pow(2, f - b.frac());
                yield new Scaled(sum.subtract() ? new CompiledRule.Subtract(l, r) : new CompiledRule.Add(l, r), f,
                        bound);
            }
            case RuleExpr.Product p -> {
                Scaled a = compile(p.left());
                Scaled b = compile(p.right());
                yield new Scaled(new CompiledRule.Multiply(a.op(), b.op()), a.frac() + b.frac(), a.bound() * b.bound());
            }
            case RuleExpr.Call call -> switch (call.function()) {
                case SIGN -> new Scaled(new CompiledRule.Sign(compile(call.arguments().get(0)).op()), 0, 1);
                case STEP -> new Scaled(new CompiledRule.Step(compile(call.arguments().get(0)).op()), 0, 1);
                case BOX -> {
                    Scaled x = compile(call.arguments().get(0));
                    Scaled lo = compile(call.arguments().get(1));
                    Scaled hi = compile(call.arguments().get(2));
                    int f = Math.max(x.frac(), Math.max(lo.frac(), hi.frac()));
                    for (Scaled part : new Scaled[] {x, lo, hi}) {
                        check(call, part.bound() * Math.pow(2, f - part.frac()), f);
                    }
                    yield new Scaled(new CompiledRule.Box(align(x, f), align(lo, f), align(hi, f)), 0, 1);
                }
            };
        };
        check(e, s.bound(), s.frac());
        return s;
    }

    private static CompiledRule.IntOp align(Scaled s, int frac) {
        return frac == s.frac() ? s.op() : new CompiledRule.ShiftLeft(s.op(), frac - s.frac());
    }

    private void check(RuleExpr at, double bound, int frac) {
        if (frac > 62) {
            throw new RuleException(text, at.column(), "scale of 2^-" + frac + " is finer than 62 fractional bits");
        }
        if (bound >= LIMIT) {
            throw new RuleException(text, at.column(), "value may exceed 63 bits (bound " + bound + " at scale 2^-"
                    + frac + ")");
        }
    }
}
