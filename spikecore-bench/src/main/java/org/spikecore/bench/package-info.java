/**
 * JMH benchmarks (run from {@code spikecore-bench/target/spikecore-benchmarks.jar} on JDK 25 with
 * {@code --add-modules=jdk.incubator.vector}). Contract: each benchmark builds its data in
 * {@code @Setup} from fixed seeds and measures one kernel or access path; figures go to
 * docs/performance.md with the command that made them.
 */
package org.spikecore.bench;
