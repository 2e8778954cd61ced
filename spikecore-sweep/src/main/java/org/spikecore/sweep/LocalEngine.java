package org.spikecore.sweep;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.spikecore.SpikecoreException;

/**
 * A thread pool on this machine. A point that throws is tried again up to {@code attempts}
 * times in all, except for bad input ({@link IllegalArgumentException}), which would only fail again.
 *
 * @param threads  points run at once
 * @param attempts tries per point, at least 1
 */
public record LocalEngine(int threads, int attempts) implements SweepEngine {

    public LocalEngine {
        if (threads < 1 || attempts < 1) {
            throw new IllegalArgumentException("--parallelism and --attempts must be at least 1");
        }
    }

    @Override
    public String name() {
        return "local (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
    }

    @Override
    public void run(List<Point> todo, PointTask task, Progress progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<PointTask.Outcome> done = new ExecutorCompletionService<>(pool);
            for (Point p : todo) {
                done.submit(() -> attempt(task, p));
            }
            for (int i = 0; i < todo.size(); i++) {
                PointTask.Outcome o = done.take().get();
                progress.pointDone(o.seconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpikecoreException("sweep interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private PointTask.Outcome attempt(PointTask task, Point p) {
        for (int a = 1;; a++) {
            try {
                return task.run(p);
            } catch (IllegalArgumentException bad) {
                throw bad;
            } catch (RuntimeException e) {
                if (a >= attempts) {
                    throw new IllegalStateException("point " + p.id() + " failed " + a + " time(s): " + e, e);
                }
            }
        }
    }
}
