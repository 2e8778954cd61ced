package org.spikecore.learn;

import org.spikecore.fixed.Rounding;

/**
 * A rule given as text (see {@link RuleParser} for the grammar), evaluated at every pre event
 * ({@code x0 = 1}, {@code y0} = whether the post spiked this tick) and at every post spike whose
 * pre did not spike ({@code x0 = 0}, {@code y0 = 1}). Stochastic rounding draws are keyed by
 * synapse and tick.
 *
 * @param rule the compiled rule
 */
public record TextRule(CompiledRule rule) implements LearningRule {

    public TextRule {
        if (rule == null) {
            throw new IllegalArgumentException("text rule needs a compiled rule");
        }
    }

    /** Compiles {@code text} with the given ranges and rounding. */
    public static TextRule of(String text, SymbolRanges ranges, Rounding rounding) {
        return new TextRule(RuleCompiler.compile(text, ranges, rounding));
    }

    @Override
    public int onPre(PlasticityState s, int pre, int post, int w) {
        return evaluate(s, pre, post, w, 1, s.postSpiked(post) ? 1 : 0);
    }

    @Override
    public int onPost(PlasticityState s, int pre, int post, int w) {
        return evaluate(s, pre, post, w, 0, 1);
    }

    /** The inputs the rule sees for synapse (pre, post), indexed by {@link RuleSymbol#ordinal()}. */
    public static int[] inputs(PlasticityState s, int pre, int post, int w, int x0, int y0) {
        int[] in = new int[RuleSymbol.values().length];
        fill(in, s, pre, post, w, x0, y0, s.modulatorNow(post));
        return in;
    }

    /** Writes the inputs of {@link #inputs} into {@code in}, with the post's modulator {@code m} given. */
    static void fill(int[] in, PlasticityState s, int pre, int post, int w, int x0, int y0, int m) {
        in[RuleSymbol.X0.ordinal()] = x0;
        in[RuleSymbol.Y0.ordinal()] = y0;
        Traces xt = s.preTraces();
        Traces yt = s.postTraces();
        for (int k = 0; k < 2; k++) {
            in[RuleSymbol.X1.ordinal() + k] = k < xt.traceCount() ? xt.value(k, pre) : 0;
            in[RuleSymbol.Y1.ordinal() + k] = k < yt.traceCount() ? yt.value(k, post) : 0;
        }
        for (int k = 0; k < s.postStateCount(); k++) {
            in[RuleSymbol.V0.ordinal() + k] = s.postState(k, post);
        }
        in[RuleSymbol.M.ordinal()] = m;
        in[RuleSymbol.R.ordinal()] = s.reward();
        in[RuleSymbol.W.ordinal()] = w;
    }

    private int evaluate(PlasticityState s, int pre, int post, int w, int x0, int y0) {
        long bits = rule.rounding() == Rounding.STOCHASTIC ? s.randomBits(PlasticityState.ROUNDING_STREAM, pre, post) : 0;
        return rule.dw(inputs(s, pre, post, w, x0, y0), bits);
    }
}
