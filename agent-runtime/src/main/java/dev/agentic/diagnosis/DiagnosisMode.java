package dev.agentic.diagnosis;

/** Whether the loop runs self-diagnosis: {@code off} or {@code notify} (tell the model and record it). */
public enum DiagnosisMode {
    OFF, NOTIFY;

    public static DiagnosisMode parse(String text) {
        return switch (text == null ? "" : text.trim()) {
            case "off" -> OFF;
            case "notify" -> NOTIFY;
            default -> throw new IllegalArgumentException("diagnosis '" + text + "': expected off or notify");
        };
    }

    public String spec() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
