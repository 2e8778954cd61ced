/**
 * Design-space sweeps: a {@link org.spikecore.sweep.Grid} of parameter values (grid keys are an
 * experiment's options, {@code weight_bits} for {@code --weight-bits}, plus {@code seed}) expands
 * into {@link org.spikecore.sweep.Point}s; an engine runs each missing point's experiment as library
 * code ({@link org.spikecore.sweep.LocalEngine}: a thread pool; {@link org.spikecore.sweep.SparkEngine}:
 * Apache Spark tasks) and stores its results in a {@link org.spikecore.sweep.ResultsStore}; the
 * store merges into one {@link org.spikecore.sweep.SweepTable}.
 *
 * <p>Contract: a point's results are a function of its parameters alone (its seed is its
 * {@code seed} parameter or the sweep's {@code --seed}, never the schedule), so a point run again,
 * elsewhere or on another engine gives the same table row; a point counts as stored only once its
 * {@code results.json} has been moved into place, so a killed sweep resumes with exactly the
 * missing points; the merged table leaves out run-record fields (times, hosts), so one grid gives a
 * byte-identical table on any engine. Spark is a provided dependency: only
 * {@link org.spikecore.sweep.SparkEngine} touches it, and only when chosen.
 */
package org.spikecore.sweep;
