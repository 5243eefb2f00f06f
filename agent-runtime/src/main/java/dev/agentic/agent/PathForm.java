package dev.agentic.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the paths inside settings ({@code scripted:<path>}, {@code replay:<path>}, {@code file:<folder>}) are
 * written: as given, absolute, or relative to the root of a repository when they lie inside it (absolute
 * otherwise), so that what a run records reads the same on every clone of the repository.
 */
public sealed interface PathForm {

    /** Paths as the user wrote them: relative ones are relative to the working folder. */
    PathForm AS_GIVEN = new AsGiven();

    PathForm ABSOLUTE = new Absolute();

    /** {@code path} (as given: relative to the working folder) in this form. */
    String print(String path);

    /** Relative to the root of the git repository that holds {@code near}; absolute when no repository holds it. */
    static PathForm repositoryOf(Path near) {
        Path root = repositoryRoot(near);
        return root == null ? ABSOLUTE : new Relative(root);
    }

    /**
     * The top-level folder of the git repository that holds {@code near} (which need not exist yet): the
     * nearest folder at or above it with a {@code .git} folder or file (a worktree's); null when there is none.
     */
    static Path repositoryRoot(Path near) {
        for (Path dir = near.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return null;
    }

    /** Paths as given. */
    record AsGiven() implements PathForm {
        @Override
        public String print(String path) {
            return path;
        }
    }

    /** Absolute, normalized paths. */
    record Absolute() implements PathForm {
        @Override
        public String print(String path) {
            try {
                return Path.of(path).toAbsolutePath().normalize().toString();
            } catch (InvalidPathException e) {
                return path;
            }
        }
    }

    /**
     * Relative to {@code root}, with {@code /} between names, for paths inside it (also when reached through a
     * symbolic link); absolute for paths outside.
     */
    record Relative(Path root) implements PathForm {

        public Relative {
            root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        }

        @Override
        public String print(String path) {
            Path absolute;
            try {
                absolute = Path.of(path).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                return path;
            }
            if (absolute.startsWith(root)) {
                return relative(root, absolute);
            }
            try {
                Path real = absolute.toRealPath();
                Path realRoot = root.toRealPath();
                if (real.startsWith(realRoot)) {
                    return relative(realRoot, real);
                }
            } catch (IOException e) {
                // a path that does not exist (yet) cannot have been reached through a link
            }
            return absolute.toString();
        }

        /** {@code path} read back: a relative path is relative to the root. */
        public Path resolve(String path) {
            return root.resolve(path).normalize();
        }

        private static String relative(Path root, Path path) {
            String relative = root.relativize(path).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
    }
}
