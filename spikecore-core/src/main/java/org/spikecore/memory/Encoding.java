package org.spikecore.memory;

import java.util.Arrays;

/** The synapse-memory organizations spikecore models, with their command-line names. */
public enum Encoding {
    /** Dense crossbar: a weight slot for every (pre, post) pair. */
    CROSSBAR("crossbar", false),
    /** Pointer-based bitmap (Pedroni et al. 2019): row pointer, row bitmap, packed non-zero weights. */
    PB_BMP("pb-bmp", false),
    /** Pointer-based CSR (Pedroni et al. 2019): row pointer, packed post indices and weights. */
    PB_CSR("pb-csr", false),
    /** Two tables: CSR for forward and CSC for backward access; updates write both. */
    DUAL("dual", false),
    /** Convolution: kernel weights stored once, targets computed by address arithmetic. */
    CONV_FUNC("conv-func", true),
    /** As {@link #CONV_FUNC} with a bitmap of non-zero kernel weights and only those stored. */
    CONV_FUNC_BMP("conv-func-bmp", true);

    private final String cliName;
    private final boolean convolutionOnly;

    Encoding(String cliName, boolean convolutionOnly) {
        this.cliName = cliName;
        this.convolutionOnly = convolutionOnly;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Whether the encoding needs weight sharing (convolution) to exist. */
    public boolean convolutionOnly() {
        return convolutionOnly;
    }

    /** The encoding with this command-line name, or an error listing the names there are. */
    public static Encoding fromName(String name) {
        for (Encoding e : values()) {
            if (e.cliName.equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown encoding '" + name + "'; choose from "
                + Arrays.stream(values()).map(Encoding::cliName).toList());
    }
}
