package dev.agentic.sandbox;

import java.util.regex.Pattern;

/**
 * A reference to a container image as Docker reads it: {@code [registry/]repository[:tag][@digest]}, e.g.
 * {@code agentic/base:bookworm}, {@code localhost:5000/team/app:1.2}, {@code debian@sha256:…}. Kept as
 * written: {@link #toString()} gives back the text it was parsed from (no {@code docker.io/library/}
 * and no {@code :latest} are added).
 *
 * @param registry the registry host (with its port), or null: the first component is a registry when it
 *     has a dot or a colon, or is {@code localhost}
 * @param repository the path of the repository in the registry, lower case: {@code agentic/base}
 * @param tag the tag, or null
 * @param digest the content digest ({@code sha256:<hex>}), or null
 */
public record ImageRef(String registry, String repository, String tag, String digest) {

    private static final String EXPECTED = "expected [registry/]repository[:tag][@digest], e.g. debian:bookworm-slim";
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}");

    public ImageRef {
        if (repository == null || repository.isEmpty()) {
            throw new IllegalArgumentException("an image reference needs a repository; " + EXPECTED);
        }
        for (String component : repository.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("'" + repository + "' is not an image repository: component '" + component + "' must be"
                        + " lower-case letters and digits, separated by '.', '_', '__' or '-'; " + EXPECTED);
            }
        }
        if (registry != null && !DOMAIN.matcher(registry).matches()) {
            throw new IllegalArgumentException("'" + registry + "' is not a registry host[:port]; " + EXPECTED);
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not an image tag: letters, digits, '_', '.' and '-', at most 128,"
                    + " not starting with '.' or '-'; " + EXPECTED);
        }
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("'" + digest + "' is not an image digest: expected algorithm:hex, e.g. sha256:<64 hex digits>");
        }
    }

    /** Reads {@code text}; refused with what is wrong and what is expected. */
    public static ImageRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an image reference is empty; " + EXPECTED);
        }
        if (!text.equals(text.strip())) {
            throw new IllegalArgumentException("'" + text + "' is not an image reference: it has spaces around it; " + EXPECTED);
        }
        try {
            String rest = text;
            String digest = null;
            int at = rest.indexOf('@');
            if (at >= 0) {
                digest = rest.substring(at + 1);
                rest = rest.substring(0, at);
            }
            String registry = null;
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                String first = rest.substring(0, slash);
                if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                    registry = first;
                    rest = rest.substring(slash + 1);
                }
            }
            String tag = null;
            int colon = rest.lastIndexOf(':');
            if (colon >= 0) {
                tag = rest.substring(colon + 1);
                rest = rest.substring(0, colon);
            }
            return new ImageRef(registry, rest, tag, digest);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an image reference: " + e.getMessage(), e);
        }
    }

    /** The repository with its registry, without tag or digest: {@code localhost:5000/team/app}. */
    public String name() {
        return registry == null ? repository : registry + "/" + repository;
    }

    /** The same repository with {@code newTag} and no digest. */
    public ImageRef withTag(String newTag) {
        return new ImageRef(registry, repository, newTag, null);
    }

    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
