package dev.agentic.model;

/**
 * Requests the loop makes besides asking for the next action: a plan, a reflection, a summary. The
 * request text starts with a visible tag, which also lets offline models answer them without
 * spending a scripted turn.
 */
public enum SideRequest {
    PLAN("[plan request] "), REFLECTION("[reflection request] "), SUMMARY("[summary request] ");

    private final String tag;

    SideRequest(String tag) {
        this.tag = tag;
    }

    /** {@code text} tagged as this kind of request. */
    public String tag(String text) {
        return tag + text;
    }

    /** The kind of side request {@code text} is, or null for an ordinary message. */
    public static SideRequest of(String text) {
        if (text != null) {
            for (SideRequest kind : values()) {
                if (text.startsWith(kind.tag)) {
                    return kind;
                }
            }
        }
        return null;
    }
}
