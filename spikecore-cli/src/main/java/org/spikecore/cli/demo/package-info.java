/**
 * The sections of {@code spikecore demo}. Contract: each section runs real code on embedded
 * defaults (no downloads, no files needed), prints the numbers it computed, finishes in seconds
 * on 2 cores, and is deterministic for a given seed.
 */
package org.spikecore.cli.demo;
