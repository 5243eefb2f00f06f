package dev.agentic.report;

import dev.agentic.trajectory.Secrets;

/** Escaping for text placed in HTML and SVG. */
final class Html {

    private Html() {}

    /** {@code text} with secrets redacted ({@link Secrets#standard()}), then escaped; every text of a report goes through here. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : Secrets.standard().redact(text).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An id usable in HTML attributes and fragment links. */
    static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
