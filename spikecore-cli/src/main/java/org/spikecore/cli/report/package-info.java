/**
 * Report output: PNG charts (XChart) and the self-contained report.html of a run, written
 * atomically. Contract: a chart or report file is either absent or complete; rendering needs no
 * display (headless AWT); a report references nothing outside itself (plots are data URIs).
 */
package org.spikecore.cli.report;
