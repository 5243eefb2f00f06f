package dev.agentic.task;

import dev.agentic.document.Document;
import dev.agentic.document.DocumentException;
import dev.agentic.document.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads a task from a folder, whatever its format. */
public final class Tasks {

    private Tasks() {}

    /**
     * A Terminal-Bench folder ({@code task.yaml}), a Harbor folder ({@code task.toml}), or a SWE-bench
     * environment folder ({@code instance.json} next to a {@code Dockerfile}; a {@code repos.yaml} in it or
     * in its parent folder adds repository specifications).
     */
    public static Task load(Path dir, String baseImage) {
        if (!Files.isDirectory(dir)) {
            throw new TaskException("task folder " + dir + " does not exist");
        }
        if (Files.isRegularFile(dir.resolve("task.yaml"))) {
            return TerminalBenchTask.load(dir, baseImage);
        }
        if (Files.isRegularFile(dir.resolve("task.toml"))) {
            return HarborTask.load(dir);
        }
        if (Files.isRegularFile(dir.resolve("instance.json"))) {
            Path specs = Files.isRegularFile(dir.resolve("repos.yaml")) ? dir.resolve("repos.yaml")
                    : dir.getParent() != null && Files.isRegularFile(dir.getParent().resolve("repos.yaml")) ? dir.getParent().resolve("repos.yaml") : null;
            List<SweBenchTask> instances = SweBenchTask.loadAll(dir.resolve("instance.json"), dir.getParent(), specs, System.err::println);
            if (instances.size() != 1) {
                throw new TaskException(dir.resolve("instance.json") + ": expected exactly one instance, found " + instances.size());
            }
            return instances.get(0);
        }
        throw new TaskException(dir + ": not a task folder; expected task.yaml (Terminal-Bench), task.toml (Harbor)"
                + " or instance.json (SWE-bench instance with its environment)");
    }

    /** A task's file; one that cannot be read or parsed is refused naming the file, the line and the column. */
    public static Document read(Path file, Format format) {
        try {
            return Document.read(file, format);
        } catch (DocumentException e) {
            throw new TaskException(e.getMessage(), e);
        }
    }
}
