package org.spikecore.memory;

/**
 * The synapse-memory organization of one projection in the engine, with its word width (the
 * width of its index, bitmap, weight and kernel memories; pointer tables are one pointer wide).
 * {@link Default} keeps the engine's historical layouts (a 64-bit crossbar for dense connectivity,
 * field-wide CSR for sparse, the 64-bit functional kernel for convolution); the others are the
 * encodings of {@link Encoding}, by the same command-line names. Every organization delivers the
 * same synapses, so the choice changes counts and storage, never spikes.
 */
public sealed interface SynapseEncoding {

    /** The name used on the command line and in reports. */
    String cliName();

    /** Word width of the data memories. */
    int wordBits();

    /** The engine's historical layouts. */
    record Default() implements SynapseEncoding {
        /** The word width of the default crossbar and kernel. */
        public static final int WORD_BITS = 64;

        @Override
        public String cliName() {
            return "default";
        }

        @Override
        public int wordBits() {
            return WORD_BITS;
        }
    }

    /** A dense crossbar ({@link Encoding#CROSSBAR}); not for convolutions (it cannot share weights). */
    record Crossbar(int wordBits) implements SynapseEncoding {
        public Crossbar {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.CROSSBAR.cliName();
        }
    }

    /** Pointer-based bitmap ({@link Encoding#PB_BMP}); a convolution stores its kernel this way. */
    record PbBmp(int wordBits) implements SynapseEncoding {
        public PbBmp {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.PB_BMP.cliName();
        }
    }

    /** Pointer-based CSR ({@link Encoding#PB_CSR}); a convolution stores its kernel this way. */
    record PbCsr(int wordBits) implements SynapseEncoding {
        public PbCsr {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.PB_CSR.cliName();
        }
    }

    /** CSR and CSC tables ({@link Encoding#DUAL}); not for convolutions. */
    record Dual(int wordBits) implements SynapseEncoding {
        public Dual {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.DUAL.cliName();
        }
    }

    /** The functional kernel ({@link Encoding#CONV_FUNC}); convolutions only. */
    record ConvFunc(int wordBits) implements SynapseEncoding {
        public ConvFunc {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.CONV_FUNC.cliName();
        }
    }

    /** The functional kernel with a bitmap ({@link Encoding#CONV_FUNC_BMP}); convolutions only. */
    record ConvFuncBmp(int wordBits) implements SynapseEncoding {
        public ConvFuncBmp {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.CONV_FUNC_BMP.cliName();
        }
    }

    /** The functional kernel with row/column offsets ({@link Encoding#CONV_FUNC_ROWCOL}); convolutions only. */
    record ConvFuncRowCol(int wordBits) implements SynapseEncoding {
        public ConvFuncRowCol {
            check(wordBits);
        }

        @Override
        public String cliName() {
            return Encoding.CONV_FUNC_ROWCOL.cliName();
        }
    }

    /** The organization of {@code encoding} with {@code wordBits}-bit data words. */
    static SynapseEncoding of(Encoding encoding, int wordBits) {
        return switch (encoding) {
            case CROSSBAR -> new Crossbar(wordBits);
            case PB_BMP -> new PbBmp(wordBits);
            case PB_CSR -> new PbCsr(wordBits);
            case DUAL -> new Dual(wordBits);
            case CONV_FUNC -> new ConvFunc(wordBits);
            case CONV_FUNC_BMP -> new ConvFuncBmp(wordBits);
            case CONV_FUNC_ROWCOL -> new ConvFuncRowCol(wordBits);
        };
    }

    /**
     * Whether this organization can hold a projection: {@code convolution} says whether its
     * connectivity shares weights.
     */
    default boolean holds(boolean convolution) {
        return switch (this) {
            case Default d -> true;
            case PbBmp p -> true;
            case PbCsr p -> true;
            case Crossbar c -> !convolution;
            case Dual d -> !convolution;
            case ConvFunc c -> convolution;
            case ConvFuncBmp c -> convolution;
            case ConvFuncRowCol c -> convolution;
        };
    }

    private static void check(int wordBits) {
        if (wordBits < 1 || wordBits > 1024) {
            throw new IllegalArgumentException("memory word width must be 1..1024 bits, got " + wordBits);
        }
    }
}
