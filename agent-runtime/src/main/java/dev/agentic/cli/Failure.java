package dev.agentic.cli;

import dev.agentic.bench.RunResults;
import dev.agentic.sandbox.SandboxException;
import dev.agentic.task.TaskException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What {@code agentx} prints when a command fails: one line, {@code agentx: <what is wrong>}, and an
 * exit code (2 bad input, 3 sandbox, 75 a fetch that may pass when run again, 70 an unexpected error, with the hint to rerun with {@code --debug}
 * or {@code AGENTX_DEBUG=1}, which add the stack trace).
 */
final class Failure {

    /** The exit code of an unexpected error (EX_SOFTWARE of sysexits.h). */
    static final int UNEXPECTED = 70;

    /** The exit code of a failure that may pass when the command runs again (EX_TEMPFAIL): a network or disk problem. */
    static final int RETRYABLE = 75;

    private Failure() {}

    static int report(Exception e, PrintWriter err, boolean debug) {
        int code;
        if (e instanceof dev.agentic.bench.RunFailure stopped) {
            err.println("agentx: " + e.getMessage());
            code = stopped.reason().exitCode();
        } else if (e instanceof IllegalArgumentException || e instanceof TaskException || e instanceof RunResults.MissingResultsException) {
            err.println("agentx: " + e.getMessage());
            code = 2;
        } else if (e instanceof dev.agentic.fetch.FetchException fetch) {
            err.println("agentx: fetch: " + e.getMessage());
            code = fetch.retryable() ? RETRYABLE : 2;
        } else if (e instanceof SandboxException) {
            err.println("agentx: sandbox: " + e.getMessage());
            code = 3;
        } else {
            err.println("agentx: unexpected error: " + describe(e) + (debug ? "" : " (rerun with --debug or AGENTX_DEBUG=1 for the stack trace)"));
            code = UNEXPECTED;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The exception's message on one line, with its kind when the message alone would not say what happened. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage().lines().findFirst().orElse("").strip();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.io.UncheckedIOException && e.getCause() != null && message != null) {
            return message;
        }
        return message == null ? kind : kind + ": " + message;
    }

    /** Whether {@code --debug} was given to any command of the line, or {@code AGENTX_DEBUG} is set to something other than 0 or false. */
    static boolean debug(CommandLine.ParseResult parsed) {
        String env = System.getenv("AGENTX_DEBUG");
        if (env != null && !env.isBlank() && !env.equals("0") && !env.equalsIgnoreCase("false")) {
            return true;
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
