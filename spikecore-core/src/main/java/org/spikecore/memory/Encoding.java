package org.spikecore.memory;

import java.util.Arrays;

/** The synapse-memory organizations spikecore models, with their command-line names. */
public enum Encoding {
    /** Dense crossbar: a weight slot for every (pre, post) pair; it cannot share weights, so FC layers only. */
    CROSSBAR("crossbar", Applies.FC),
    /**
     * Pointer-based bitmap (Pedroni et al. 2019): row pointer, row bitmap, packed non-zero weights. On a
     * conv layer the rows are the kernel's input channels (the weight-shared kernel is what is stored).
     */
    PB_BMP("pb-bmp", Applies.ANY),
    /** Pointer-based CSR (Pedroni et al. 2019): row pointer, packed column indices and weights; conv as pb-bmp. */
    PB_CSR("pb-csr", Applies.ANY),
    /** Two tables: CSR for forward and CSC for backward access; updates write both. FC layers. */
    DUAL("dual", Applies.FC),
    /** Convolution: kernel weights stored once, targets computed by address arithmetic ("Func"). */
    CONV_FUNC("conv-func", Applies.CONV),
    /** As {@link #CONV_FUNC} with a bitmap of non-zero kernel weights and only those stored ("Func-BMP"). */
    CONV_FUNC_BMP("conv-func-bmp", Applies.CONV),
    /**
     * As {@link #CONV_FUNC} with only the non-zero kernel weights stored, each with its row and column
     * offset (dy, dx) inside its k×k block, and a pointer per (input, output channel) block ("Func-RowCol").
     */
    CONV_FUNC_ROWCOL("conv-func-rowcol", Applies.CONV);

    private enum Applies { FC, CONV, ANY }

    private final String cliName;
    private final Applies applies;

    Encoding(String cliName, Applies applies) {
        this.cliName = cliName;
        this.applies = applies;
    }

    /** The name used on the command line and in reports. */
    public String cliName() {
        return cliName;
    }

    /** Whether the encoding needs weight sharing (convolution) to exist. */
    public boolean convolutionOnly() {
        return applies == Applies.CONV;
    }

    /** Whether the encoding can store {@code shape}: conv layers are stored as their weight-shared kernel. */
    public boolean appliesTo(LayerShape shape) {
        return switch (applies) {
            case ANY -> true;
            case FC -> shape instanceof LayerShape.Fc;
            case CONV -> shape instanceof LayerShape.Conv;
        };
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
