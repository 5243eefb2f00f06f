package dev.agentic.suite;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The globs of suites: {@code *} (any characters), {@code ?} (one), {@code [abc]}, {@code [a-z]},
 * {@code [!abc]}, {@code {a,b}} and {@code \} before a character that stands for itself. A glob that is
 * not valid is refused with an {@link IllegalArgumentException} saying what is wrong and where
 * (characters counted from 1).
 */
final class Glob {

    private Glob() {}

    /** Whether {@code text} uses glob syntax at all (else it is a plain path or id). */
    static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** A glob over task ids, whose {@code *} crosses {@code /}. */
    static Pattern ofIds(String glob) {
        StringBuilder regex = new StringBuilder();
        int group = -1;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> {
                    if (i + 1 == glob.length()) {
                        throw invalid("'\\' at character " + (i + 1) + " escapes nothing; expected a character after it");
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                case '[' -> i = characterClass(glob, i, regex);
                case '{' -> {
                    if (group >= 0) {
                        throw invalid("'{' at character " + (i + 1) + " inside the group opened at character " + (group + 1)
                                + "; groups cannot be nested");
                    }
                    group = i;
                    regex.append("(?:");
                }
                case ',' -> regex.append(group >= 0 ? "|" : ",");
                case '}' -> {
                    if (group < 0) {
                        throw invalid("'}' at character " + (i + 1) + " closes no group; expected a '{' before it (or '\\}' for the character)");
                    }
                    group = -1;
                    regex.append(')');
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (group >= 0) {
            throw invalid("'{' at character " + (group + 1) + " is not closed; expected a '}'");
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Whether task id {@code id} matches {@code glob} (compiled by {@link #ofIds}): a glob with a {@code /} is matched
     * against the whole id, one without against the name after the namespace too ({@code hello-*} matches {@code tb/hello-world}).
     */
    static boolean matchesId(String glob, Pattern pattern, String id) {
        return pattern.matcher(id).matches() || !glob.contains("/") && pattern.matcher(id.substring(id.indexOf('/') + 1)).matches();
    }

    /** A glob over paths relative to a manifest's folder ({@code *} within one folder, {@code **} across folders). */
    static PathMatcher ofPaths(String glob) {
        ofIds(glob);
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw invalid(e.getDescription() + " at character " + (e.getIndex() + 1));
        }
    }

    /** The class starting at {@code open}, appended to {@code regex}; returns the index of its {@code ]}. */
    private static int characterClass(String glob, int open, StringBuilder regex) {
        int i = open + 1;
        StringBuilder members = new StringBuilder("[");
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            members.append('^');
            i++;
        }
        int first = i;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && i > first) {
                regex.append(members).append(']');
                return i;
            }
            if (c == '-' && i > first && i + 1 < glob.length() && glob.charAt(i + 1) != ']') {
                char from = glob.charAt(i - 1);
                char to = glob.charAt(i + 1);
                if (to < from) {
                    throw invalid("range '" + from + "-" + to + "' at character " + i + " runs backwards; expected '" + to + "-" + from + "'");
                }
                members.append('-');
            } else if (c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-') {
                members.append('\\').append(c);
            } else {
                members.append(c);
            }
        }
        throw invalid("'[' at character " + (open + 1) + " is not closed; expected a ']' after the characters of the class");
    }

    private static IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException("not a valid glob: " + what);
    }
}
