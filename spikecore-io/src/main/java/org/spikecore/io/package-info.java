/**
 * Files in and out. Contract: every file spikecore writes is written atomically
 * ({@link org.spikecore.io.AtomicFiles}: temporary file, then move), so a failed or interrupted
 * run leaves either the old file or the new one, never half of one; every {@code results.json}
 * starts with a {@link org.spikecore.io.RunRecord} (command line, effective config, seed,
 * versions, git commit). Readers report malformed input as a
 * {@link org.spikecore.SpikecoreException} naming the file and the element.
 */
package org.spikecore.io;
