package org.spikecore.io.nir;

/**
 * A node's parameter is missing or malformed; {@link NirReader} turns it into a message naming the
 * dataset ("dataset /node/nodes/3/tau_mem has shape [5], expected [10]").
 */
public final class NirFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /** {@code problem} completes "FIELD ...", e.g. "has shape [5], expected [10]". */
    public NirFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
