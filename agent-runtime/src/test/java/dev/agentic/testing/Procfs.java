package dev.agentic.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What Linux's {@code /proc} says about a process; empty answers for a process that is gone. */
public final class Procfs {

    private Procfs() {}

    /** The process's command line, one element per argument. */
    public static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** The cgroup paths of the process, one per hierarchy. */
    public static List<String> cgroups(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** Whether the process has ended: gone, or a zombie not reaped yet. */
    public static boolean ended(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | StringIndexOutOfBoundsException gone) {
            return true;
        }
    }

    /** The files the process has open (a file deleted meanwhile keeps its path, without the " (deleted)" the kernel adds). */
    public static List<Path> openFiles(long pid) {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(fd -> {
                try {
                    return Path.of(Files.readSymbolicLink(fd).toString().replaceFirst(" \\(deleted\\)$", ""));
                } catch (IOException closed) {
                    return null;
                }
            }).filter(java.util.Objects::nonNull).toList();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return List.of();
        }
    }

    /** Whether the process ignores {@code signal} (its SigIgn mask), e.g. SIGINT inherited as ignored from a background shell. */
    public static boolean ignores(long pid, int signal) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream().filter(l -> l.startsWith("SigIgn:"))
                    .map(l -> Long.parseUnsignedLong(l.substring(7).trim(), 16)).anyMatch(mask -> (mask & (1L << (signal - 1))) != 0);
        } catch (IOException gone) {
            return false;
        }
    }
}
