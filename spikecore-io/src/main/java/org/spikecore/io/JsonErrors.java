package org.spikecore.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * Jackson's failures as one line: its own messages append {@code " at [Source: ...]"} on a second
 * line, which breaks the CLI's one-line contract; this keeps the first line and says where in the
 * file (line and column) instead.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** "what went wrong at line L, column C" for a parse failure; the first line of the message for any other I/O failure. */
    public static String oneLine(IOException e) {
        if (e instanceof JsonProcessingException j) {
            String what = firstLine(j.getOriginalMessage());
            JsonLocation at = j.getLocation();
            return at == null || at.getLineNr() < 0 ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
