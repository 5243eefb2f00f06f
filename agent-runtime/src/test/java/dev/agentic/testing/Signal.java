package dev.agentic.testing;

import java.io.IOException;

/** The signals a test sends to a process: Ctrl-C, a polite stop, and a kill that cannot be handled. */
public enum Signal {
    INT, TERM, KILL;

    /** Sends this signal to process {@code pid} with {@code kill -s}; false when there is no such process. */
    public boolean send(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name(), Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -s " + name() + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + name() + " to " + pid, e);
        }
    }
}
