package org.spikecore.memory;

/**
 * The connectivity shape of one layer, as the memory-organization study needs it: how many pre and
 * post neurons, and how many synapses one pre neuron reaches (fan-out) and one post neuron receives
 * (fan-in) before any weight is zero.
 */
public sealed interface LayerShape {

    /** The most structural synapses a layer may have (2^40): every capacity then fits a long. */
    long MAX_SYNAPSES = 1L << 40;

    int pre();

    int post();

    int fanOut();

    int fanIn();

    /** Number of distinct weights stored when weights are shared (the kernel), else pre × post. */
    long distinctWeights();

    /** A short label, as typed: {@code fc:784x128}, {@code conv:28x28x32-32k3}. */
    String label();

    /** Fully connected {@code pre → post}. */
    record Fc(int pre, int post) implements LayerShape {
        public Fc {
            if (pre < 1 || post < 1) {
                throw new IllegalArgumentException("fc layer needs positive sizes, got " + pre + "x" + post);
            }
            if ((long) pre * post > MAX_SYNAPSES) {
                throw new IllegalArgumentException("fc layer " + pre + "x" + post + " has " + (long) pre * post
                        + " synapses; at most 2^40 are modelled");
            }
        }

        @Override
        public int fanOut() {
            return post;
        }

        @Override
        public int fanIn() {
            return pre;
        }

        @Override
        public long distinctWeights() {
            return (long) pre * post;
        }

        @Override
        public String label() {
            return "fc:" + pre + "x" + post;
        }
    }

    /**
     * A stride-1, same-padded convolution: {@code height × width × inChannels} → {@code height × width
     * × outChannels}, {@code k × k} kernels. Fan-out and fan-in are those of an interior neuron.
     */
    record Conv(int height, int width, int inChannels, int outChannels, int k) implements LayerShape {
        public Conv {
            if (height < 1 || width < 1 || inChannels < 1 || outChannels < 1) {
                throw new IllegalArgumentException("conv layer needs positive sizes, got " + height + "x" + width + "x"
                        + inChannels + "-" + outChannels);
            }
            if (k < 1 || k % 2 == 0 || k > Math.min(height, width)) {
                throw new IllegalArgumentException("conv kernel must be odd and at most the input size, got k" + k + " for "
                        + height + "x" + width);
            }
            long plane = (long) height * width;
            if (plane * Math.max(inChannels, outChannels) > Integer.MAX_VALUE
                    || plane * outChannels * inChannels * k * k > MAX_SYNAPSES) {
                throw new IllegalArgumentException("conv layer " + height + "x" + width + "x" + inChannels + "-" + outChannels
                        + "k" + k + " is too large: at most 2^31-1 neurons a side and 2^40 synapses are modelled");
            }
        }

        @Override
        public int pre() {
            return height * width * inChannels;
        }

        @Override
        public int post() {
            return height * width * outChannels;
        }

        @Override
        public int fanOut() {
            return outChannels * k * k;
        }

        @Override
        public int fanIn() {
            return inChannels * k * k;
        }

        @Override
        public long distinctWeights() {
            return (long) outChannels * inChannels * k * k;
        }

        @Override
        public String label() {
            return "conv:" + height + "x" + width + "x" + inChannels + "-" + outChannels + "k" + k;
        }
    }

    /** Parses {@code fc:PRExPOST} or {@code conv:HxWxCIN-COUTkK}. */
    static LayerShape parse(String text) {
        try {
            if (text.startsWith("fc:")) {
                String[] p = text.substring(3).split("x");
                if (p.length == 2) {
                    return new Fc(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                }
            } else if (text.startsWith("conv:")) {
                String[] io = text.substring(5).split("-");
                if (io.length == 2) {
                    String[] in = io[0].split("x");
                    String[] out = io[1].split("k");
                    if (in.length == 3 && out.length == 2) {
                        return new Conv(Integer.parseInt(in[0]), Integer.parseInt(in[1]), Integer.parseInt(in[2]),
                                Integer.parseInt(out[0]), Integer.parseInt(out[1]));
                    }
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("layer '" + text + "' is not fc:PRExPOST (e.g. fc:784x128) or "
                + "conv:HxWxCIN-COUTkK (e.g. conv:28x28x32-32k3)");
    }
}
