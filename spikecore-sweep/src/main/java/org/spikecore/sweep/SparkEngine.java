package org.spikecore.sweep;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The points as Apache Spark tasks, one task per point, so Spark retries a failed or lost point
 * alone ({@code spark.task.maxFailures}; {@code local[N,attempts]} on one machine). Under
 * {@code spark-submit} the master and the rest come from Spark's own configuration; without one,
 * Spark runs in this JVM on {@code parallelism} threads, bound to 127.0.0.1 with its web UI off.
 * The results store must be a path every executor sees (docs/sweeps.md).
 */
public final class SparkEngine implements SweepEngine {

    private final JavaSparkContext given;
    private final int parallelism;
    private final int attempts;

    /** Runs on {@code context}, which the caller owns (tests share one). */
    public SparkEngine(JavaSparkContext context) {
        this.given = context;
        this.parallelism = 0;
        this.attempts = 0;
    }

    /** Starts a context per sweep: the submitted one's configuration, or local mode. */
    public SparkEngine(int parallelism, int attempts) {
        if (parallelism < 1 || attempts < 1) {
            throw new IllegalArgumentException("--parallelism and --attempts must be at least 1");
        }
        this.given = null;
        this.parallelism = parallelism;
        this.attempts = attempts;
    }

    /** Spark in this JVM: {@code local[threads,attempts]}, loopback only, no web UI. */
    public static SparkConf localConf(int threads, int attempts) {
        return new SparkConf(false).setAppName("spikecore sweep").setMaster("local[" + threads + "," + attempts + "]")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false");
    }

    @Override
    public String name() {
        return given != null ? "spark (" + given.master() + ")" : "spark";
    }

    @Override
    public void run(List<Point> todo, PointTask task, Progress progress) {
        if (todo.isEmpty()) {
            return;
        }
        JavaSparkContext sc = given != null ? given : new JavaSparkContext(submittedOrLocal());
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    progress.pointDone(end.taskInfo().duration() / 1000.0);
                }
            }
        };
        sc.sc().addSparkListener(listener);
        try {
            sc.setJobDescription("spikecore sweep: " + todo.size() + " points of " + task.experiment());
            sc.parallelize(todo, todo.size()).map(task::run).collect();
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException bad) { // bad input stays bad input (exit 2), after Spark's retries
                    throw new IllegalArgumentException(bad.getMessage(), e);
                }
            }
            throw new IllegalStateException("the Spark sweep failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        } finally {
            sc.sc().removeSparkListener(listener);
            if (given == null) {
                sc.stop();
            }
        }
    }

    private SparkConf submittedOrLocal() {
        SparkConf submitted = new SparkConf();
        if (submitted.contains("spark.master")) {
            return submitted.setIfMissing("spark.app.name", "spikecore sweep").setIfMissing("spark.task.maxFailures",
                    Integer.toString(attempts));
        }
        return localConf(parallelism, attempts);
    }
}
