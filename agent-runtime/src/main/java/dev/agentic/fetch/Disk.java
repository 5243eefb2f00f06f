package dev.agentic.fetch;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-system chores of a fetch: removing what an interrupted step left aside, and saying how much room is left. */
final class Disk {

    private Disk() {}

    static void delete(Path tree) throws IOException {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Removes what interrupted writes of {@code target} left aside ({@code .<name>.partial-<pid>}, {@code <name>.part} excepted);
     * called under the {@link FetchLock}, when no other fetch is writing.
     */
    static void clearAside(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".partial-";
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                delete(p);
            }
        }
    }

    /** What went wrong, for people: the message, with the kind of failure when the message alone is only a path. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof java.nio.file.FileSystemException fs && message.equals(fs.getFile())) {
            String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return kind + ": " + message;
        }
        return message;
    }

    /** Whether {@code e} says the disk (or a quota) is full. */
    static boolean full(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }

    /** The usable space of the file system holding {@code path} (or its closest existing parent), for messages. */
    static String free(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            FileStore store = Files.getFileStore(existing);
            return Sizes.human(store.getUsableSpace()) + " free at " + existing;
        } catch (IOException | RuntimeException e) {
            return "free space unknown";
        }
    }
}
