package dev.agentic.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of fixture folders that a test may change. */
public final class TestFolders {

    private TestFolders() {}

    /** Copies {@code source} to {@code target} recursively and returns {@code target}. */
    public static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES); // modes too: test scripts stay executable
                }
            }
        }
        return target;
    }
}
