/**
 * The {@code spikecore} command line (picocli). Contract: exit code 0 on success, 2 on input
 * the user can fix with a one-line message naming it, 1 on an internal failure; outputs are
 * written atomically through {@code org.spikecore.io.AtomicFiles}; machine-readable results are
 * one {@code RESULT {json}} line (bench) or {@code results.json} with provenance (run).
 */
package org.spikecore.cli;
