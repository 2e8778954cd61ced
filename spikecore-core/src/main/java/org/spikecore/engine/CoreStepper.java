package org.spikecore.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Steps cores on a fixed set of threads, one barrier per tick. Core {@code c} always runs on
 * thread {@code c % threads}, and cores write only their own state, so what a tick computes does
 * not depend on the thread count. The caller's thread is worker 0; the others spin briefly, then
 * yield, while they wait (a tick is microseconds, too short for parking).
 */
final class CoreStepper implements AutoCloseable {

    private final int threads;
    private final int cores;
    private final Thread[] workers;
    private volatile long generation;
    private volatile IntConsumer task;
    private volatile boolean closed;
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;

    CoreStepper(int threads, int cores) {
        this.threads = threads;
        this.cores = cores;
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            final int id = w;
            workers[w - 1] = Thread.ofPlatform().daemon().name("spikecore-core-" + w).start(() -> work(id));
        }
    }

    private void work(int id) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins > 2000) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                runShare(id, task);
            } catch (Throwable t) {
                failure = t;
            }
            done.incrementAndGet();
        }
    }

    private void runShare(int id, IntConsumer t) {
        for (int c = id; c < cores; c += threads) {
            t.accept(c);
        }
    }

    /** Runs {@code perCore} for every core and returns when all are done. */
    void step(IntConsumer perCore) {
        task = perCore;
        done.set(0);
        generation++;
        runShare(0, perCore);
        int spins = 0;
        while (done.get() < threads - 1) {
            if (++spins > 2000) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            if (f instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a core failed", f);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            try {
                w.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
