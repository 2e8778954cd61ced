package org.spikecore.fixed;

/**
 * The PCG32 generator of O'Neill's pcg_basic (64-bit LCG state, XSH-RR output), which the NSAT C
 * simulator uses as one global stream for noise, blank-out and randomized rounding. spikecore
 * uses it only to replay NSAT's random cases draw for draw (the counter-based {@link CounterRng}
 * is the generator everywhere else, because a single stream cannot be shared by threads).
 *
 * <p>Also NSAT's {@code normal()}: Box–Muller on two {@code boundedrand(100)} draws, returning
 * the cosine deviate and caching the sine one for the next call (the cache is the C function's
 * static pair, so it lives in this object and is never reset), and its randomized rounding of a
 * weight change.
 *
 * <p>{@link #nsatNormal} reproduces the arithmetic of NSAT's default ({@code -Ofast}) build, read
 * off its machine code: {@code u1 = k1 · 0.01} (a multiplication, not a division), the angle
 * {@code k2 · 0.06283185307179587} (2π/100 folded into one constant), radius
 * {@code sqrt(−2 · log u1)}, and glibc's {@code log}, {@code sin} and {@code cos}. Because the
 * draws lie on a grid of 100 values, the radius and the sine and cosine are tables of glibc's
 * results: {@link StrictMath} differs from glibc in the last bit at 7 of these 299 values, and
 * near the grid points where sin or cos is 0 the sign of a 1e-16 deviate decides how NSAT
 * truncates {@code x + σ·z} (golden case {@code noise_sigma}, tick 4).
 */
public final class Pcg32 {

    private static final long MULTIPLIER = 6364136223846793005L;

    /** glibc's {@code sqrt(-2 log(k · 0.01))} for k = 1..99 (index 0 is never drawn), as IEEE bits. */
    private static final long[] RADIUS_BITS = {
            0L, 0x40084761ab6c5b9aL, 0x4006608ffb368160L, 0x40052f92953411a8L,
            0x40044c5583e62eb7L, 0x400394fc4a554b47L, 0x4002fa0b7a7d26b6L, 0x400273149fe209abL,
            0x4001faf8ba801ccdL, 0x40018e5d4c7fe131L, 0x40012af03c69eb28L, 0x4000cf049c4ed38fL,
            0x4000795a2a6ca177L, 0x400028fb2a7eeeb9L, 0x3fffba4d79af5457L, 0x3fff2a8527808541L,
            0x3ffea1a2683b9dcfL, 0x3ffe1ed63da36bc8L, 0x3ffda173ccc18964L, 0x3ffd28e9263a4ab3L,
            0x3ffcb4b9e057ff7dL, 0x3ffc447afc3e6f22L, 0x3ffbd7cfbb14f5a0L, 0x3ffb6e6724082873L,
            0x3ffb07fa0e9cc7faL, 0x3ffaa4499161cd47L, 0x3ffa431dbdba74b9L, 0x3ff9e444978c9a14L,
            0x3ff987913bf30dcdL, 0x3ff92cdb2d331a04L, 0x3ff8d3fdbc7d5647L, 0x3ff87cd78bb2f75fL,
            0x3ff8274a22acfe34L, 0x3ff7d3399477e589L, 0x3ff7808c31b1b758L, 0x3ff72f2a45c8c249L,
            0x3ff6defddd4947a2L, 0x3ff68ff293c0468bL, 0x3ff641f567fec8e1L, 0x3ff5f4f495c0131eL,
            0x3ff5a8df73e109a0L, 0x3ff55da6567a6f34L, 0x3ff5133a744c2ae7L, 0x3ff4c98dcefef021L,
            0x3ff480931dd48aa5L, 0x3ff4383dba6e88efL, 0x3ff3f0818f5fb3c9L, 0x3ff3a953084735bbL,
            0x3ff362a7033cf125L, 0x3ff31c72c35d9a48L, 0x3ff2d6abe44afc43L, 0x3ff291484e7990afL,
            0x3ff24c3e2c28694dL, 0x3ff20783dee37959L, 0x3ff1c30ff572a8d2L, 0x3ff17ed92219d8d0L,
            0x3ff13ad6310f291bL, 0x3ff0f6fdff0d6ba6L, 0x3ff0b3476fe8c4e6L, 0x3ff06fa9650afdb0L,
            0x3ff02c1ab3bbfd2eL, 0x3fefd12436326523L, 0x3fef4a0c7338a789L, 0x3feec2db041d4ac1L,
            0x3fee3b7c5f83bb36L, 0x3fedb3dc73c4e001L, 0x3fed2be68b60dae0L, 0x3feca3852ec7a44dL,
            0x3fec1aa202ed63a8L, 0x3feb9125a4054b53L, 0x3feb06f77b9cfa3fL, 0x3fea7bfd91290e4fL,
            0x3fe9f01c53df2ce5L, 0x3fe963365c76f1d7L, 0x3fe8d52c25155dfaL, 0x3fe845dbb5374099L,
            0x3fe7b5203ede01c6L, 0x3fe722d1a982f8baL, 0x3fe68ec40656d077L, 0x3fe5f8c6e7fb87afL,
            0x3fe560a496140bfcL, 0x3fe4c621127e7792L, 0x3fe428f8e2845be5L, 0x3fe388df89425fc1L,
            0x3fe2e57d9939ba93L, 0x3fe23e6e382fcb6fL, 0x3fe1933be02b3402L, 0x3fe0e35c0f12a501L,
            0x3fe02e296e2bd982L, 0x3fdee5b7711bc5e8L, 0x3fdd60f86dc1b0d6L, 0x3fdbcba9bcfd9543L,
            0x3fda22ad5847b8efL, 0x3fd861e1db42dc96L, 0x3fd6839a08431e8fL, 0x3fd47fa78d396d0bL,
            0x3fd24977c665cce3L, 0x3fcf97af619c3d0aL, 0x3fc9baba53948fa9L, 0x3fc225be509de2caL
    };

    /** glibc's {@code sin(k · 0.06283185307179587)} for k = 0..99, as IEEE bits. */
    private static final long[] SIN_BITS = {
            0x0000000000000000L, 0x3fb0130a1be09379L, 0x3fc00aeb5da15be0L, 0x3fc7fc1c65037a79L,
            0x3fcfd511fa1c0796L, 0x3fd3c6ef372fe94fL, 0x3fd78f5a48a8a919L, 0x3fdb3ff7c925819dL,
            0x3fded50d5cbfa952L, 0x3fe1257e3c182b51L, 0x3fe2cf2304755a5eL, 0x3fe465c6feb501bcL,
            0x3fe5e7cf55112014L, 0x3fe753b603d2b816L, 0x3fe8a80b635b6beaL, 0x3fe9e3779b97f4a8L,
            0x3feb04bbff642e86L, 0x3fec0ab44e81c05aL, 0x3fecf457dcdc158cL, 0x3fedc0ba9def5ae5L,
            0x3fee6f0e134454ffL, 0x3feefea21d101ee0L, 0x3fef6ee5ac2509ffL, 0x3fefbf675480d903L,
            0x3fefefd5bfe443feL, 0x3ff0000000000000L, 0x3fefefd5bfe443feL, 0x3fefbf675480d902L,
            0x3fef6ee5ac2509feL, 0x3feefea21d101ee0L, 0x3fee6f0e134454ffL, 0x3fedc0ba9def5ae4L,
            0x3fecf457dcdc158bL, 0x3fec0ab44e81c058L, 0x3feb04bbff642e85L, 0x3fe9e3779b97f4a8L,
            0x3fe8a80b635b6beaL, 0x3fe753b603d2b815L, 0x3fe5e7cf55112012L, 0x3fe465c6feb501baL,
            0x3fe2cf2304755a5fL, 0x3fe1257e3c182b51L, 0x3fded50d5cbfa950L, 0x3fdb3ff7c9258199L,
            0x3fd78f5a48a8a915L, 0x3fd3c6ef372fe94aL, 0x3fcfd511fa1c0797L, 0x3fc7fc1c65037a77L,
            0x3fc00aeb5da15bdaL, 0x3fb0130a1be09368L, 0xbcb72cece675d1fdL, 0xbfb0130a1be09377L,
            0xbfc00aeb5da15be1L, 0xbfc7fc1c65037a7eL, 0xbfcfd511fa1c079eL, 0xbfd3c6ef372fe955L,
            0xbfd78f5a48a8a91fL, 0xbfdb3ff7c925819cL, 0xbfded50d5cbfa953L, 0xbfe1257e3c182b52L,
            0xbfe2cf2304755a60L, 0xbfe465c6feb501beL, 0xbfe5e7cf55112014L, 0xbfe753b603d2b816L,
            0xbfe8a80b635b6bebL, 0xbfe9e3779b97f4a7L, 0xbfeb04bbff642e88L, 0xbfec0ab44e81c059L,
            0xbfecf457dcdc158eL, 0xbfedc0ba9def5ae5L, 0xbfee6f0e134454ffL, 0xbfeefea21d101ee1L,
            0xbfef6ee5ac2509ffL, 0xbfefbf675480d903L, 0xbfefefd5bfe443feL, 0xbff0000000000000L,
            0xbfefefd5bfe443feL, 0xbfefbf675480d903L, 0xbfef6ee5ac2509feL, 0xbfeefea21d101ee0L,
            0xbfee6f0e13445500L, 0xbfedc0ba9def5ae3L, 0xbfecf457dcdc158cL, 0xbfec0ab44e81c057L,
            0xbfeb04bbff642e85L, 0xbfe9e3779b97f4a4L, 0xbfe8a80b635b6be8L, 0xbfe753b603d2b816L,
            0xbfe5e7cf55112010L, 0xbfe465c6feb501bbL, 0xbfe2cf2304755a59L, 0xbfe1257e3c182b4eL,
            0xbfded50d5cbfa952L, 0xbfdb3ff7c9258194L, 0xbfd78f5a48a8a917L, 0xbfd3c6ef372fe944L,
            0xbfcfd511fa1c078bL, 0xbfc7fc1c65037a7bL, 0xbfc00aeb5da15bcfL, 0xbfb0130a1be09371L
    };

    /** glibc's {@code cos(k · 0.06283185307179587)} for k = 0..99, as IEEE bits. */
    private static final long[] COS_BITS = {
            0x3ff0000000000000L, 0x3fefefd5bfe443feL, 0x3fefbf675480d903L, 0x3fef6ee5ac2509ffL,
            0x3feefea21d101ee0L, 0x3fee6f0e134454ffL, 0x3fedc0ba9def5ae4L, 0x3fecf457dcdc158bL,
            0x3fec0ab44e81c059L, 0x3feb04bbff642e86L, 0x3fe9e3779b97f4a8L, 0x3fe8a80b635b6be9L,
            0x3fe753b603d2b816L, 0x3fe5e7cf55112013L, 0x3fe465c6feb501bbL, 0x3fe2cf2304755a5dL,
            0x3fe1257e3c182b50L, 0x3fded50d5cbfa94fL, 0x3fdb3ff7c925819cL, 0x3fd78f5a48a8a917L,
            0x3fd3c6ef372fe950L, 0x3fcfd511fa1c0794L, 0x3fc7fc1c65037a75L, 0x3fc00aeb5da15be0L,
            0x3fb0130a1be09374L, 0xbca72cece675d1fcL, 0xbfb0130a1be0937bL, 0xbfc00aeb5da15be4L,
            0xbfc7fc1c65037a80L, 0xbfcfd511fa1c0798L, 0xbfd3c6ef372fe952L, 0xbfd78f5a48a8a919L,
            0xbfdb3ff7c925819dL, 0xbfded50d5cbfa954L, 0xbfe1257e3c182b53L, 0xbfe2cf2304755a5dL,
            0xbfe465c6feb501bcL, 0xbfe5e7cf55112014L, 0xbfe753b603d2b817L, 0xbfe8a80b635b6bebL,
            0xbfe9e3779b97f4a7L, 0xbfeb04bbff642e86L, 0xbfec0ab44e81c059L, 0xbfecf457dcdc158cL,
            0xbfedc0ba9def5ae5L, 0xbfee6f0e13445500L, 0xbfeefea21d101ee0L, 0xbfef6ee5ac2509ffL,
            0xbfefbf675480d903L, 0xbfefefd5bfe443feL, 0xbff0000000000000L, 0xbfefefd5bfe443feL,
            0xbfefbf675480d903L, 0xbfef6ee5ac2509feL, 0xbfeefea21d101ee0L, 0xbfee6f0e134454ffL,
            0xbfedc0ba9def5ae3L, 0xbfecf457dcdc158bL, 0xbfec0ab44e81c058L, 0xbfeb04bbff642e85L,
            0xbfe9e3779b97f4a6L, 0xbfe8a80b635b6be8L, 0xbfe753b603d2b816L, 0xbfe5e7cf55112013L,
            0xbfe465c6feb501baL, 0xbfe2cf2304755a5fL, 0xbfe1257e3c182b4eL, 0xbfded50d5cbfa951L,
            0xbfdb3ff7c9258193L, 0xbfd78f5a48a8a916L, 0xbfd3c6ef372fe952L, 0xbfcfd511fa1c0789L,
            0xbfc7fc1c65037a79L, 0xbfc00aeb5da15bcdL, 0xbfb0130a1be0936dL, 0xbcaa79394c9e8a0aL,
            0x3fb0130a1be09392L, 0x3fc00aeb5da15bdfL, 0x3fc7fc1c65037a8bL, 0x3fcfd511fa1c079bL,
            0x3fd3c6ef372fe94cL, 0x3fd78f5a48a8a91eL, 0x3fdb3ff7c925819bL, 0x3fded50d5cbfa959L,
            0x3fe1257e3c182b52L, 0x3fe2cf2304755a63L, 0x3fe465c6feb501beL, 0x3fe5e7cf55112013L,
            0x3fe753b603d2b819L, 0x3fe8a80b635b6bebL, 0x3fe9e3779b97f4abL, 0x3feb04bbff642e88L,
            0x3fec0ab44e81c059L, 0x3fecf457dcdc158dL, 0x3fedc0ba9def5ae5L, 0x3fee6f0e13445501L,
            0x3feefea21d101ee1L, 0x3fef6ee5ac2509ffL, 0x3fefbf675480d903L, 0x3fefefd5bfe443feL
    };

    private long state;
    private final long increment;
    private boolean haveCached;
    private double cached;

    /** {@code pcg32_srandom(initState, initSequence)}. */
    public Pcg32(long initState, long initSequence) {
        increment = (initSequence << 1) | 1;
        state = 0;
        nextInt();
        state += initState;
        nextInt();
    }

    /** The next 32-bit output, as an unsigned value in a long. */
    public long nextInt() {
        long old = state;
        state = old * MULTIPLIER + increment;
        int xorShifted = (int) (((old >>> 18) ^ old) >>> 27);
        int rot = (int) (old >>> 59);
        return Integer.toUnsignedLong(Integer.rotateRight(xorShifted, rot));
    }

    /** {@code pcg32_boundedrand(bound)}: uniform in [0, bound) by rejection below {@code 2^32 mod bound}. */
    public long boundedRand(long bound) {
        if (bound <= 0 || bound > 1L << 32) {
            throw new IllegalArgumentException("PCG32 bound must be 1..2^32, got " + bound);
        }
        long threshold = ((1L << 32) - bound) % bound;
        while (true) {
            long r = nextInt();
            if (r >= threshold) {
                return r % bound;
            }
        }
    }

    /** NSAT's {@code normal(0, 1)}: alternately a fresh Box–Muller pair's first deviate and its cached second. */
    public double nsatNormal() {
        if (haveCached) {
            haveCached = false;
            return cached;
        }
        int k1;
        int k2;
        do {
            k1 = (int) boundedRand(100);
            k2 = (int) boundedRand(100);
        } while (k1 == 0); // u1 <= DBL_MIN
        double radius = Double.longBitsToDouble(RADIUS_BITS[k1]);
        cached = radius * Double.longBitsToDouble(SIN_BITS[k2]);
        haveCached = true;
        return radius * Double.longBitsToDouble(COS_BITS[k2]);
    }

    /**
     * NSAT's state update with noise, {@code (int) fma(z, sigma, x)}: the {@code -Ofast} build
     * fuses {@code x + normal()·σ} into one rounding before the truncation toward zero.
     */
    public static long nsatAddNoise(long x, double z, long sigma) {
        return (long) Math.fma(z, (double) sigma, (double) x);
    }

    /**
     * NSAT's randomized rounding of a weight change, {@code (dw >> bits) + (boundedrand(2^bits) <
     * (dw & (2^bits − 1)))}: an arithmetic shift, rounded up with probability equal to the
     * discarded fraction. It draws exactly once, also for {@code bits = 0} and {@code dw = 0}.
     */
    public int nsatRandomizedRound(int dw, int bits) {
        if (bits < 0 || bits > 30) {
            throw new IllegalArgumentException("randomized rounding takes 0..30 bits, got " + bits);
        }
        long draw = boundedRand(1L << bits);
        long fraction = dw & ((1 << bits) - 1);
        return (dw >> bits) + (draw < fraction ? 1 : 0);
    }
}
