package dev.agentic.sandbox;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that keeps the first and the last bytes written to it and counts the rest,
 * so a command printing gigabytes costs a fixed amount of memory.
 */
public final class HeadTailBuffer extends OutputStream {

    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private int tailStart;
    private int tailLength;
    private long total;

    /** Keeps at most {@code capacity} bytes: the first half and the last half of the stream. */
    public HeadTailBuffer(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        head = new byte[capacity / 2];
        tail = new byte[capacity - capacity / 2];
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, head.length - headLength);
        System.arraycopy(bytes, offset, head, headLength, toHead);
        headLength += toHead;
        appendToTail(bytes, offset + toHead, length - toHead);
    }

    private void appendToTail(byte[] bytes, int offset, int length) {
        if (length >= tail.length) {
            System.arraycopy(bytes, offset + length - tail.length, tail, 0, tail.length);
            tailStart = 0;
            tailLength = tail.length;
            return;
        }
        int end = (tailStart + tailLength) % tail.length;
        int first = Math.min(length, tail.length - end);
        System.arraycopy(bytes, offset, tail, end, first);
        System.arraycopy(bytes, offset + first, tail, 0, length - first);
        int overflow = Math.max(0, tailLength + length - tail.length);
        tailStart = (tailStart + overflow) % tail.length;
        tailLength = Math.min(tail.length, tailLength + length);
    }

    /** Bytes written in all. */
    public synchronized long total() {
        return total;
    }

    /** Bytes written but not kept. */
    public synchronized long omitted() {
        return total - headLength - tailLength;
    }

    public boolean truncated() {
        return omitted() > 0;
    }

    /** The kept bytes as UTF-8 text, with a marker where bytes were left out. */
    public synchronized String text() {
        String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
        byte[] end = new byte[tailLength];
        int first = Math.min(tailLength, tail.length - tailStart);
        System.arraycopy(tail, tailStart, end, 0, first);
        System.arraycopy(tail, 0, end, first, tailLength - first);
        long omitted = omitted();
        String marker = omitted > 0 ? "\n[... " + omitted + " bytes omitted ...]\n" : "";
        return start + marker + new String(end, StandardCharsets.UTF_8);
    }
}
