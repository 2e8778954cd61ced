package org.spikecore.cli.bench;

import java.util.Map;

/**
 * One workload of {@code spikecore bench}. It builds its inputs outside the timed region, times
 * only the loop the peers time, and returns the figures printed on the {@code RESULT} line
 * (keys as in shared/peers: {@code t_sim}, {@code events_per_s}, {@code us_per_sample_step},
 * {@code t_pass}, {@code t_epoch}, plus its own).
 */
public interface BenchWorkload {

    /** The name typed after {@code bench}. */
    String name();

    /** One line saying what is measured. */
    String description();

    /** Runs the workload and returns the RESULT fields in print order. */
    Map<String, Object> run(BenchOptions options);
}
