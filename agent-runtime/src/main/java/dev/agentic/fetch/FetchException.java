package dev.agentic.fetch;

/**
 * A fetch that did not complete: what, from where, and what to do. Nothing half-written is kept as a
 * cache entry; {@link #retryable()} says whether running the fetch again may succeed as it is (a network
 * or disk problem) or the manifest or a mirror must change first (a wrong pin, a checksum mismatch).
 */
public final class FetchException extends RuntimeException {

    private final boolean retryable;

    public FetchException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public FetchException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
