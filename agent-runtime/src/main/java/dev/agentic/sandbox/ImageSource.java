package dev.agentic.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where an image comes from, for a place to make it present on the engine a sandbox runs on: a named
 * image (pulled when a registry answers, or loaded from another engine that has it), or a build from a
 * context folder, identified by the hash of what goes into it.
 */
public sealed interface ImageSource {

    /** The image a sandbox is started from once the source is present. */
    ImageRef ref();

    /** What identifies the image's content on any engine: the reference of a named image, the content hash of a build. */
    String key();

    /** {@code text} as a named image; a malformed reference is refused with what is expected. */
    static Named named(String text) {
        return new Named(ImageRef.parse(text));
    }

    /** An image used as it is named. */
    record Named(ImageRef ref) implements ImageSource {
        public Named {
            Objects.requireNonNull(ref, "ref");
        }

        @Override
        public String key() {
            return ref.toString();
        }
    }

    /**
     * An image built from {@code dockerfile} in {@code context} without the {@code excluded} top-level
     * entries (they never enter the build: tests, solutions), tagged {@code <repository>:<contentHash>} and
     * labelled with {@code labels}. Builds run with network mode {@code none} and are bounded by {@code timeout}.
     */
    record Build(String repository, Path context, Path dockerfile, Set<String> excluded, Duration timeout, Map<String, String> labels,
                 String contentHash) implements ImageSource {

        public Build {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(dockerfile, "dockerfile");
            excluded = Set.copyOf(excluded);
            labels = Map.copyOf(labels);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a build timeout must be positive, got " + timeout);
            }
            new ImageRef(null, repository, contentHash, null); // refuses a malformed repository or hash
        }

        /**
         * A build whose content hash is computed now: over the relative path and bytes of each file of
         * {@code context} but the excluded entries; 12 hex digits of SHA-256.
         *
         * @throws ImageDefinitionException when the context folder cannot be read
         */
        public static Build of(String repository, Path context, Path dockerfile, Set<String> excluded, Duration timeout, Map<String, String> labels) {
            return new Build(repository, context, dockerfile, excluded, timeout, labels, contentHash(context, excluded));
        }

        @Override
        public ImageRef ref() {
            return new ImageRef(null, repository, contentHash, null);
        }

        @Override
        public String key() {
            return ref().toString();
        }

        /** The Dockerfile's path inside the context, as the build API takes it. */
        public String dockerfileInContext() {
            return context.relativize(dockerfile).toString().replace('\\', '/');
        }

        static String contentHash(Path dir, Set<String> excluded) {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(p -> !excluded.contains(dir.relativize(p).getName(0).toString())).sorted().toList()) {
                    digest.update(dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(Files.readAllBytes(file));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new ImageDefinitionException("cannot read the build context " + dir + ": " + e.getMessage(), e);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        }
    }
}
