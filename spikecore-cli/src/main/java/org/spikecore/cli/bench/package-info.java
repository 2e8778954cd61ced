/**
 * Workloads of {@code spikecore bench}, each printing one {@code RESULT {json}} line so it can be
 * timed side by side with the peers (shared/peers/run_all.sh with EXTRA_CMD). Contract: set-up
 * is outside the timed region; the result fields follow the peers' names; every workload is
 * deterministic for a seed.
 */
package org.spikecore.cli.bench;
