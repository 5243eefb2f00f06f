package dev.agentic.tool;

/** Cutting long observations to what the model should see. */
public final class Truncation {

    private Truncation() {}

    /** The first and last {@code maxChars / 2} characters, with a marker saying how many were left out. */
    public static String headTail(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int half = maxChars / 2;
        int omitted = text.length() - 2 * half;
        return text.substring(0, half) + "\n[... " + omitted + " characters omitted ...]\n" + text.substring(text.length() - half);
    }

    public static boolean wouldCut(String text, int maxChars) {
        return text.length() > maxChars;
    }
}
