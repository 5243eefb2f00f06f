package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every sandbox must do; each implementation's test class supplies the sandbox. */
abstract class SandboxContract {

    static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    abstract Sandbox sandbox();

    @Test
    void runsACommandAndReportsItsExitCodeAndStreams() {
        ExecResult result = sandbox().exec("echo out; echo err >&2; exit 3", TEN_SECONDS);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.timedOut()).isFalse();
        assertThat(result.truncated()).isFalse();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void commandsRunInTheWorkingDirectoryWithTheSpecEnvironment() {
        sandbox().writeText("marker.txt", "here");
        ExecResult result = sandbox().exec("cat marker.txt; echo \" $GREETING\"", TEN_SECONDS);
        assertThat(result.stdout()).isEqualTo("here hello\n");
    }

    @Test
    void timeoutKillsTheCommandAndEverythingItStartedAndTheSandboxStaysUsable() {
        // durations unique to this run, so that no other process on the machine is counted
        String tag = String.format(java.util.Locale.ROOT, "%03d", new Random().nextInt(1000));
        long start = System.nanoTime();
        ExecResult result = sandbox().exec("(sleep 100." + tag + " &) ; setsid sleep 101." + tag + " & sleep 100." + tag,
                Duration.ofSeconds(2));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(4));
        ExecResult after = sandbox().exec("echo alive; ps -eo args | grep -c '^sleep 10[01][.]" + tag + "$' || true", TEN_SECONDS);
        assertThat(after.stdout()).isEqualTo("alive\n0\n");
    }

    @Test
    void hugeOutputIsCappedWithHeadAndTailKept() {
        ExecResult result = sandbox().exec(
                "echo FIRST; head -c 52428800 /dev/zero | tr '\\0' x; echo; echo LAST", Duration.ofSeconds(60));
        int cap = sandbox().spec().maxOutputBytes();
        assertThat(result.exitCode()).isZero();
        assertThat(result.truncated()).isTrue();
        assertThat(result.stdout()).startsWith("FIRST\nxxx").endsWith("xxx\nLAST\n").contains(" bytes omitted ...]");
        assertThat(result.stdout().length()).isLessThan(cap + 100);
    }

    @Test
    void textFilesRoundTripAsUtf8() {
        String text = "naïve café — 日本語 🚀\nline two\n";
        sandbox().writeText("notes/unicode.txt", text);
        assertThat(sandbox().readText("notes/unicode.txt")).isEqualTo(text);
        assertThat(sandbox().exec("wc -c < notes/unicode.txt", TEN_SECONDS).stdout().trim())
                .isEqualTo(Integer.toString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    @Test
    void rewritingAFileKeepsItsPermissions() {
        sandbox().writeText("tool.sh", "#!/bin/sh\necho one\n");
        sandbox().exec("chmod 750 tool.sh", TEN_SECONDS);
        sandbox().writeText("tool.sh", "#!/bin/sh\necho two\n");
        assertThat(sandbox().exec("./tool.sh && stat -c %a tool.sh", TEN_SECONDS).stdout()).isEqualTo("two\n750\n");
    }

    @Test
    void binaryFilesRoundTripByteForByte() {
        byte[] bytes = new byte[300_000];
        new Random(42).nextBytes(bytes);
        sandbox().writeFile("/tmp/data.bin", bytes);
        assertThat(sandbox().readFile("/tmp/data.bin")).isEqualTo(bytes);
    }

    @Test
    void directoriesCopyInAndOut(@TempDir Path host) throws Exception {
        Path in = Files.createDirectories(host.resolve("in/sub"));
        Files.writeString(in.resolve("a.txt"), "alpha");
        Files.writeString(host.resolve("in/run.sh"), "#!/bin/sh\necho ran\n");
        host.resolve("in/run.sh").toFile().setExecutable(true);

        sandbox().copyIn(host.resolve("in"), "copied");
        ExecResult run = sandbox().exec("cat copied/sub/a.txt; ./copied/run.sh; echo made > copied/sub/b.txt", TEN_SECONDS);
        assertThat(run.stdout()).isEqualTo("alpharan\n");

        Path out = host.resolve("out");
        sandbox().copyOut("copied", out);
        assertThat(out.resolve("sub/a.txt")).hasContent("alpha");
        assertThat(out.resolve("sub/b.txt")).hasContent("made");
        assertThat(Files.isExecutable(out.resolve("run.sh"))).isTrue();
    }

    @Test
    void readingAMissingFileSaysWhichFile() {
        assertThatThrownBy(() -> sandbox().readFile("/no/such/file.txt"))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("/no/such/file.txt");
    }

    @Test
    void aFileWrittenWithBitsHasThemWhateverWasThere() {
        sandbox().writeText("bits.sh", "#!/bin/sh\necho one\n");
        sandbox().exec("chmod 600 bits.sh", TEN_SECONDS);
        sandbox().writeFile("bits.sh", "#!/bin/sh\necho two\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0750);
        assertThat(sandbox().exec("./bits.sh && stat -c %a bits.sh", TEN_SECONDS).stdout()).isEqualTo("two\n750\n");
    }

    /**
     * Several files read at once are what reading each would give: regular files by content, hard links
     * too, whatever else (missing, a symbolic link, a folder, under a folder that became a link) left out.
     */
    @Test
    void filesReadTogetherAreWhatEachReadGives() {
        sandbox().exec("mkdir -p many/sub other && cd many && printf one > a && printf two > b && ln b hard"
                + " && ln -s a soft && printf three > ../other/c && mkdir real && printf four > real/d && ln -s real linked", TEN_SECONDS);
        java.util.List<String> asked = java.util.List.of("many/a", "many/b", "many/hard", "many/soft",
                "many/missing", "many/sub", "other/c", "many/linked/d", "many/real/d", "/no/folder/e");

        java.util.Map<String, byte[]> read = sandbox().readFiles(asked);

        java.util.Map<String, String> text = new java.util.TreeMap<>();
        read.forEach((path, bytes) -> text.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        java.util.Map<String, String> each = new java.util.TreeMap<>();
        for (String path : asked) {
            try {
                each.put(path, sandbox().readText(path));
            } catch (SandboxException missingOrNotAFile) {
                // not a regular file
            }
        }
        assertThat(text).isEqualTo(each).containsEntry("many/a", "one").containsEntry("many/hard", "two")
                .containsEntry("other/c", "three").containsEntry("many/real/d", "four")
                .doesNotContainKeys("many/missing", "many/sub", "/no/folder/e");
    }
}
