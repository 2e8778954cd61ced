package org.spikecore.engine;

import java.util.ArrayList;
import java.util.List;
import org.spikecore.fixed.Format;
import org.spikecore.memory.AccessCounter;
import org.spikecore.memory.ConvKernelMemory;
import org.spikecore.memory.SynapseMemory;
import org.spikecore.memory.SynapseVisitor;

/**
 * Weight-shared learning of one convolutional projection, as NSAT shares weights at the core
 * level: during a tick the rule's changes of every synapse (every position, on every core slice)
 * are summed per kernel weight, and at the end of the tick each touched kernel weight is written
 * once with that sum, saturating once, into every slice's copy of the kernel. So within a tick the
 * rule reads the kernel as it was at the tick's start, the result does not depend on the order of
 * the positions, and the copies on different cores stay equal.
 */
final class SharedKernelUpdates {

    private final List<ConvKernelMemory> copies = new ArrayList<>();
    private long[] delta;
    private boolean[] touched;
    private int[] touchedList;
    private int touchedCount;

    /** The memory a learner of {@code slice}'s synapses reads and writes: {@code slice}, with its updates deferred to {@link #flush()}. */
    SynapseMemory learnerView(ConvKernelMemory slice) {
        if (delta == null) {
            delta = new long[slice.sharedCount()];
            touched = new boolean[delta.length];
            touchedList = new int[delta.length];
        } else if (slice.sharedCount() != delta.length) {
            throw new IllegalArgumentException("kernel memories of one projection disagree on the kernel size");
        }
        copies.add(slice);
        return new Deferred(slice);
    }

    /** Writes each kernel weight changed this tick once, with the sum of its changes, into every copy. */
    void flush() {
        for (int i = 0; i < touchedCount; i++) {
            int k = touchedList[i];
            if (delta[k] != 0) {
                for (ConvKernelMemory m : copies) {
                    m.updateShared(k, delta[k]);
                }
            }
            delta[k] = 0;
            touched[k] = false;
        }
        touchedCount = 0;
    }

    private void add(int shared, int dw) {
        if (!touched[shared]) {
            touched[shared] = true;
            touchedList[touchedCount++] = shared;
        }
        delta[shared] += dw;
    }

    /** A slice's memory whose updates are summed per shared kernel weight instead of written. */
    private final class Deferred implements SynapseMemory {
        private final ConvKernelMemory memory;

        Deferred(ConvKernelMemory memory) {
            this.memory = memory;
        }

        @Override
        public int preCount() {
            return memory.preCount();
        }

        @Override
        public int postCount() {
            return memory.postCount();
        }

        @Override
        public Format weightFormat() {
            return memory.weightFormat();
        }

        @Override
        public long nonZeroCount() {
            return memory.nonZeroCount();
        }

        @Override
        public void forward(int pre, SynapseVisitor visitor) {
            memory.forward(pre, visitor);
        }

        @Override
        public void backward(int post, SynapseVisitor visitor) {
            memory.backward(post, visitor);
        }

        @Override
        public void forwardStored(int pre, SynapseVisitor visitor) {
            memory.forwardStored(pre, visitor);
        }

        @Override
        public void backwardStored(int post, SynapseVisitor visitor) {
            memory.backwardStored(post, visitor);
        }

        @Override
        public int weight(int pre, int post) {
            return memory.weight(pre, post);
        }

        @Override
        public void update(int pre, int post, int change) {
            int shared = memory.sharedIndex(pre, post);
            if (shared < 0) {
                throw new IllegalArgumentException("synapse " + pre + " -> " + post + " is not in this convolution");
            }
            add(shared, change);
        }

        @Override
        public AccessCounter counter() {
            return memory.counter();
        }
    }
}
