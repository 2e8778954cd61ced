package org.spikecore.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Work over the groups of a batch on a few threads, results in group order: the caller reduces
 * them in that order, so its bits do not depend on the thread count.
 */
public final class Groups {

    private Groups() {
    }

    /** {@code work(g)} for g = 0 … groups−1 on up to {@code threads} threads; the results in group order. */
    public static <T> List<T> map(int threads, int groups, IntFunction<T> work) {
        List<T> results = new ArrayList<>(groups);
        if (threads == 1 || groups == 1) {
            for (int g = 0; g < groups; g++) {
                results.add(work.apply(g));
            }
            return results;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, groups))) {
            List<Future<T>> futures = new ArrayList<>(groups);
            for (int g = 0; g < groups; g++) {
                int group = g;
                futures.add(pool.submit(() -> work.apply(group)));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return results;
    }
}
