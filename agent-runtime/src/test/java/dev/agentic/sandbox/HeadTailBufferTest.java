package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadTailBufferTest {

    @Test
    void keepsEverythingUnderCapacity() {
        HeadTailBuffer buffer = new HeadTailBuffer(10);
        write(buffer, "hello");
        assertThat(buffer.text()).isEqualTo("hello");
        assertThat(buffer.truncated()).isFalse();
    }

    @Test
    void keepsHeadAndTailAndMarksTheCut() {
        HeadTailBuffer buffer = new HeadTailBuffer(8);
        write(buffer, "abcdefghijklmnopqrstuvwxyz");
        assertThat(buffer.text()).isEqualTo("abcd\n[... 18 bytes omitted ...]\nwxyz");
        assertThat(buffer.total()).isEqualTo(26);
        assertThat(buffer.truncated()).isTrue();
    }

    @Test
    void tailIsRightAcrossManySmallWritesThatWrapTheRing() {
        HeadTailBuffer buffer = new HeadTailBuffer(6);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String piece = Integer.toString(i % 10).repeat(1 + i % 4);
            all.append(piece);
            write(buffer, piece);
        }
        String expected = all.substring(0, 3) + "\n[... " + (all.length() - 6) + " bytes omitted ...]\n" + all.substring(all.length() - 3);
        assertThat(buffer.text()).isEqualTo(expected);
    }

    @Test
    void singleByteWritesAreKept() {
        HeadTailBuffer buffer = new HeadTailBuffer(4);
        for (byte b : "0123456".getBytes(StandardCharsets.UTF_8)) {
            buffer.write(b);
        }
        assertThat(buffer.text()).isEqualTo("01\n[... 3 bytes omitted ...]\n56");
    }

    private static void write(HeadTailBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
    }
}
