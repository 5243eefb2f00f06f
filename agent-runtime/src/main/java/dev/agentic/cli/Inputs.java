package dev.agentic.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Checks of command-line values that the runtime would otherwise meet only as a failure deep inside. */
final class Inputs {

    private Inputs() {}

    /** {@code folder}, which must exist. */
    static Path folder(String option, Path folder) {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException(option + " " + folder + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + ": is a file; expected a folder");
        }
        return folder;
    }

    /** {@code file}, which must exist. */
    static Path file(String option, Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(option + " " + file + ": file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a folder; expected a file");
        }
        return file;
    }

    /** A variant's results folder: it must exist and hold results ({@code LATEST}, or run folders with {@code run.json}). */
    static Path resultsFolder(String option, Path folder) {
        folder(option, folder);
        boolean runs;
        try (var children = Files.list(folder)) {
            runs = children.anyMatch(c -> c.getFileName().toString().startsWith("LATEST") || Files.isRegularFile(c.resolve("run.json")));
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot be listed: " + reason(e), e);
        }
        if (!runs) {
            throw new IllegalArgumentException(option + " " + folder + ": not a results folder (no LATEST file and no run folder with run.json);"
                    + " expected a variant's results, e.g. experiments/exp-02/results");
        }
        return folder;
    }

    /** The variant a results folder belongs to, for messages: {@code exp-02} for {@code experiments/exp-02/results}. */
    static String variant(Path results) {
        Path absolute = results.toAbsolutePath().normalize();
        return absolute.getFileName() != null && absolute.getFileName().toString().equals("results") && absolute.getParent() != null
                && absolute.getParent().getFileName() != null ? absolute.getParent().getFileName().toString() : results.toString();
    }

    /** A folder to write into: created when missing; an existing file there is refused. */
    static Path outputFolder(String option, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + ": is a file; expected a folder to write into");
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + folder + ": cannot be created: " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return "a file is in the way: " + exists.getFile();
        }
        return e.getMessage();
    }

    /** A count option that must be 1 or more; refused like any other bad option value, with the usage. */
    static void atLeastOne(CommandLine.Model.CommandSpec spec, String option, int value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value
                    + "; expected 1 or more");
        }
    }
}
