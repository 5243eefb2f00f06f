package dev.agentic.trajectory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Holds bytes until a line ends or the stream is flushed, then writes them with secrets redacted.
 * The bytes are never decoded: {@code secrets} are given as {@link Secrets#inUtf8Bytes()}.
 */
final class RedactingOutputStream extends OutputStream {

    private final OutputStream out;
    private final Secrets secrets;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    RedactingOutputStream(OutputStream out, Secrets secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                pending.write(bytes, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        pending.write(bytes, start, offset + length - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        String line = pending.toString(StandardCharsets.ISO_8859_1);
        pending.reset();
        out.write(secrets.redact(line).getBytes(StandardCharsets.ISO_8859_1));
    }
}
