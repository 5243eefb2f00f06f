package dev.agentic.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 digests of what a task or suite consists of. */
public final class Fingerprints {

    private Fingerprints() {}

    /** Over each task's id and content, core then expansion, in id order; 16 hex digits. */
    public static String ofSuite(List<Task> tasks, List<Task> expansion) {
        return ofSuite(tasks, expansion, java.util.Set.of());
    }

    /** As {@link #ofSuite(List, List)}, and over the tasks graded beside the agent's processes, when there are any. */
    public static String ofSuite(List<Task> tasks, List<Task> expansion, java.util.Set<String> liveProcesses) {
        return ofSuite(tasks, expansion, liveProcesses, List.of(), List.of());
    }

    /**
     * As {@link #ofSuite(List, List, java.util.Set)}, and over the declared stages (each one's definition: name, globs,
     * threshold, in order) and the pins of the sources published tasks come from, when there are any.
     */
    public static String ofSuite(List<Task> tasks, List<Task> expansion, java.util.Set<String> liveProcesses, List<String> stages,
                                 List<String> pins) {
        MessageDigest digest = sha256();
        if (!pins.isEmpty()) {
            update(digest, "sources=" + pins);
        }
        if (!stages.isEmpty()) {
            update(digest, "stages");
            stages.forEach(s -> update(digest, s));
        }
        if (!liveProcesses.isEmpty()) {
            update(digest, "live_processes=" + new java.util.TreeSet<>(liveProcesses));
        }
        update(digest, "core");
        tasks.stream().sorted(Comparator.comparing(Task::id)).forEach(t -> update(digest, t.id() + "=" + ofTask(t)));
        update(digest, "expansion");
        expansion.stream().sorted(Comparator.comparing(Task::id)).forEach(t -> update(digest, t.id() + "=" + ofTask(t)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /**
     * What can change a task's results: every file of its folder and environment except the
     * reference solution, or the instance's fields except the gold patch. Editing a solution
     * therefore keeps earlier results comparable.
     */
    static String ofTask(Task task) {
        MessageDigest digest = sha256();
        if (task instanceof TerminalBenchTask tb) {
            files(digest, tb.dir(), java.util.Set.of("solution.sh", "solution.yaml"));
        } else if (task instanceof HarborTask harbor) {
            files(digest, harbor.dir(), java.util.Set.of("solution"));
        } else if (task instanceof SweBenchTask swe) {
            update(digest, String.join("\n", swe.instanceId(), swe.repo(), swe.baseCommit(),
                    swe.testPatch(), swe.problemStatement(), swe.failToPass().toString(), swe.passToPass().toString()));
            if (swe.repoSpecs() != null) {
                try {
                    update(digest, "repo-specs=" + java.nio.file.Files.readString(swe.repoSpecs()));
                } catch (java.io.IOException e) {
                    throw new TaskException(swe.repoSpecs() + ": unreadable: " + e.getMessage(), e);
                }
            }
            if (swe.environment() instanceof TaskEnvironment.Built built) {
                files(digest, built.context(), java.util.Set.of("instance.json"));
            } else {
                update(digest, ((TaskEnvironment.Prebuilt) swe.environment()).image());
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void files(MessageDigest digest, Path dir, java.util.Set<String> excluded) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> !excluded.contains(dir.relativize(p).getName(0).toString())).sorted().toList()) {
                update(digest, dir.relativize(file).toString().replace('\\', '/'));
                digest.update(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new TaskException("cannot read task folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
