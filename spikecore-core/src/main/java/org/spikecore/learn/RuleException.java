package org.spikecore.learn;

import org.spikecore.SpikecoreException;

/** A rule text that does not parse or validate; names the 0-based column of the fault. */
public final class RuleException extends SpikecoreException {

    private static final long serialVersionUID = 1L;

    private final int column;

    RuleException(String text, int column, String problem) {
        super("rule '" + text + "': " + problem + " at column " + column);
        this.column = column;
    }

    /** The 0-based position in the rule text where the fault starts. */
    public int column() {
        return column;
    }
}
