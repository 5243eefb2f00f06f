package dev.agentic.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a suite's published tasks come from, pinned so that every fetch brings the same content.
 * {@link #pin()} is what the suite hash covers; {@link #location()} is where the content is fetched from
 * (the manifest's, or a mirror's given by {@code --source <id>=<location>}), which the hash does not cover:
 * a mirror holds the same content.
 */
public sealed interface Source permits Source.Git, Source.Dataset {

    /** The source's name in its manifest. */
    String id();

    /** The pinned identity of the content: {@code git <commit>} or {@code dataset <name>@<revision>/<file>}. */
    String pin();

    /** Where it is fetched from, for messages. */
    String location();

    /** This source fetched from {@code location} instead. */
    Source at(String location);

    /**
     * A git repository at a commit (40 hex digits: a branch or tag could move).
     *
     * @param url where the repository is cloned from: https, git, ssh or file URL, or a local path
     */
    record Git(String id, String url, String commit) implements Source {
        @Override
        public String pin() {
            return "git " + commit;
        }

        @Override
        public String location() {
            return url;
        }

        @Override
        public Git at(String location) {
            return new Git(id, location, commit);
        }

        /** The first 12 digits of the commit, for messages. */
        public String shortCommit() {
            return commit.substring(0, 12);
        }
    }

    /**
     * A file of a Hugging Face dataset repository at a revision (the commit of the dataset repository).
     *
     * @param endpoint the Hub's address ({@code https://huggingface.co}, or a mirror speaking its protocol); or a
     *     {@code file:} URL or local path of a folder holding {@code file} (an internal copy)
     * @param sha256 the file's SHA-256, or null when the manifest does not pin it
     * @param bytes the file's recorded size, or -1 when not recorded
     */
    record Dataset(String id, String dataset, String revision, String file, String sha256, long bytes, String endpoint) implements Source {

        /** The Hub's address when neither the manifest nor {@code HF_ENDPOINT} names another. */
        public static final String HUB = "https://huggingface.co";

        @Override
        public String pin() {
            return "dataset " + dataset + "@" + revision + "/" + file + (sha256 == null ? "" : " sha256:" + sha256);
        }

        @Override
        public String location() {
            return local() != null ? local().resolve(file).toString() : url().toString();
        }

        @Override
        public Dataset at(String location) {
            return new Dataset(id, dataset, revision, file, sha256, bytes, location);
        }

        /** The URL the file is downloaded from: {@code <endpoint>/datasets/<dataset>/resolve/<revision>/<file>}. */
        public URI url() {
            String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
            return URI.create(base + "/datasets/" + dataset + "/resolve/" + revision + "/" + file);
        }

        /** The local folder holding the file when the endpoint is one ({@code file:} URL or a path), else null. */
        public Path local() {
            String lower = endpoint.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return null;
            }
            return lower.startsWith("file:") ? Path.of(URI.create(endpoint)) : Path.of(endpoint);
        }

        /** The file's name without its folders. */
        public String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }
    }
}
