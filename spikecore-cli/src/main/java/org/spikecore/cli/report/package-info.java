/**
 * Report output: PNG charts (XChart) written atomically. Contract: a chart file is either absent or
 * complete; rendering needs no display (headless AWT).
 */
package org.spikecore.cli.report;
