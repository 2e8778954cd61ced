package org.spikecore;

/**
 * The one exception family of spikecore for input a user can fix: a bad network description,
 * file, flag or configuration value. Messages name the offending element and what was expected
 * ("layer hidden: 600 neurons do not fit core 0 of capacity 512"), so the CLI can print them
 * as they are and exit with code 2.
 */
public class SpikecoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpikecoreException(String message) {
        super(message);
    }

    public SpikecoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
