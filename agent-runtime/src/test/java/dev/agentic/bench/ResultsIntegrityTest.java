package dev.agentic.bench;

import static dev.agentic.testing.Trials.graded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentic.testing.Trials;
import dev.agentic.trial.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results folder after crashes, double writers and bad edits: nothing dropped silently, nothing counted twice. */
class ResultsIntegrityTest {

    @TempDir
    Path dir;

    private Path trials() {
        return dir.resolve("trials.jsonl");
    }

    @Test
    void aTornLastLineIsSetAsideOnResumeAndTheNextAppendStartsOnItsOwnLine() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        store.append(graded("tb/a", 1, true));
        store.append(graded("tb/b", 1, true));
        String whole = Files.readString(trials());
        String torn = ResultsStore.JSON.writeValueAsString(graded("tb/c", 1, false)).substring(0, 40);
        Files.writeString(trials(), whole + torn);

        IllegalArgumentException unread = assertThrows(IllegalArgumentException.class, store::trials);
        assertTrue(unread.getMessage().startsWith(trials() + ":3: not a trial result (the line is cut short"), unread.getMessage());

        String warning = store.setAsideTornLine();
        assertTrue(warning.startsWith(trials() + ":3: the last line was cut short"), warning);
        assertEquals(whole, Files.readString(trials()), "the whole lines are kept byte for byte");
        try (var aside = Files.list(dir)) {
            Path kept = aside.filter(p -> p.getFileName().toString().startsWith("trials.jsonl.torn-")).findFirst().orElseThrow();
            assertEquals(torn, Files.readString(kept), "the torn line is kept for inspection");
        }
        store.append(graded("tb/c", 1, true));
        assertEquals(List.of("tb/a.1", "tb/b.1", "tb/c.1"), store.trials().stream().map(TrialResult::key).toList());
        assertNull(store.setAsideTornLine(), "a whole file is left alone");
    }

    @Test
    void aMalformedLineAnywhereIsAnErrorNamingFileAndLine() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        store.append(graded("tb/a", 1, true));
        Files.writeString(trials(), "{\"schema\":1,\"task\":\n", java.nio.file.StandardOpenOption.APPEND);
        store.append(graded("tb/b", 1, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, store::trials);
        assertTrue(e.getMessage().startsWith(trials() + ":2: not a trial result: "), e.getMessage());
        assertNull(store.setAsideTornLine(), "only a last line without its newline counts as torn; this one is damage to report");

        Files.writeString(trials(), Files.readString(trials()).replace("{\"schema\":1,\"task\":\n", "") + "not json at all\n");
        IllegalArgumentException last = assertThrows(IllegalArgumentException.class, store::trials);
        assertTrue(last.getMessage().startsWith(trials() + ":3: not a trial result"), "a bad last line is not dropped: " + last.getMessage());
    }

    @Test
    void aTrialWrittenTwiceIsAnErrorNamingBothLines() {
        ResultsStore store = ResultsStore.at(dir);
        store.append(graded("tb/a", 1, true));
        store.append(graded("tb/a", 2, true));
        store.append(graded("tb/a", 1, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, store::trials);
        assertEquals(trials() + ":3: trial tb/a.1 again (first on line 1); a run holds each trial once: remove one of the two lines",
                e.getMessage());
    }

    @Test
    void aSealedStoreWritesNothingMore() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        assertTrue(store.append(graded("tb/a", 1, true)));
        store.seal();
        assertFalse(store.append(graded("tb/b", 1, false)));
        assertEquals(1, Files.readAllLines(trials()).size());
    }

    @Test
    void replacedFilesHaveTheUsualPermissionsNotPrivateOnes() throws IOException {
        ResultsStore store = ResultsStore.at(dir);
        store.writeJUnit("<testsuites/>");
        Path probe = Files.createFile(dir.resolve("probe")); // what this process's umask gives a new file
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
        assertTrue(usual.contains(PosixFilePermission.OTHERS_READ) || usual.contains(PosixFilePermission.GROUP_READ),
                "the test needs a umask that lets others read: " + usual);
        assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("junit.xml")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file is left");
        }
    }

    @Test
    void aRunWhereNothingWasGradedOrTooMuchWasNotIsUnhealthyWithItsDominantCause() {
        TrialResult infra = Trials.infrastructure("tb/a", 1, 3, "could not start a container from image 'x': no such image\n  hint");
        TrialResult taskError = Trials.taskError("tb/b", 1, "building the environment failed");
        RunHealth none = RunHealth.of(List.of(infra, infra, taskError), 1.0);
        assertFalse(none.healthy(), "nothing graded fails whatever the threshold");
        assertEquals("no trial of 3 was graded: 2 infrastructure failures, 1 task error; dominant cause: infrastructure:"
                + " could not start a container from image 'x': no such image (2 trials)", none.problem());

        List<TrialResult> mostlyGood = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            mostlyGood.add(graded("tb/t" + i, 1, i % 2 == 0));
        }
        mostlyGood.add(infra);
        assertTrue(RunHealth.of(mostlyGood, 0.1).healthy(), "1 of 10 is within 10%");
        mostlyGood.add(taskError);
        RunHealth over = RunHealth.of(mostlyGood, 0.1);
        assertFalse(over.healthy());
        assertTrue(over.problem().startsWith("2 of 11 trials were not graded (18%, more than the 10% allowed"), over.problem());
        assertTrue(RunHealth.of(List.of(graded("tb/a", 1, false)), 0).healthy(), "failing trials are graded trials");
    }

    @Test
    void aSecondWriterIsRefusedWithTheHoldersPidAndHostAndAGoneHoldersLockIsTakenOver() throws Exception {
        List<String> log = new java.util.ArrayList<>();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve(RunLock.FILE), "{\"pid\":" + other.pid() + ",\"host\":\"" + dev.agentic.sandbox.DockerSandbox.hostName()
                    + "\",\"processStarted\":\"" + other.info().startInstant().orElseThrow() + "\",\"lockedAt\":\"2026-01-01T00:00:00Z\"}");
            RunFailure refused = assertThrows(RunFailure.class, () -> RunLock.acquire(dir, "k3", log::add));
            assertEquals(RunFailure.Cause.LOCKED, refused.reason());
            assertTrue(refused.getMessage().contains("is being written by process " + other.pid() + " on host "
                    + dev.agentic.sandbox.DockerSandbox.hostName() + " (since 2026-01-01T00:00:00Z)"), refused.getMessage());
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (RunLock lock = RunLock.acquire(dir, "k3", log::add)) {
            assertEquals(1, log.size());
            assertTrue(log.get(0).startsWith("run k3: taking over the lock of process " + other.pid()), log.get(0));
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).matches("(?s).*\"pid\" ?: ?" + ProcessHandle.current().pid() + "\\b.*"));
        }
        assertFalse(Files.exists(dir.resolve(RunLock.FILE)), "released");

        Files.writeString(dir.resolve(RunLock.FILE), "{\"pid\":1,\"host\":\"another-host\",\"processStarted\":\"\",\"lockedAt\":\"t\"}");
        RunFailure elsewhere = assertThrows(RunFailure.class, () -> RunLock.acquire(dir, "k3", log::add));
        assertTrue(elsewhere.getMessage().contains("on host another-host") && elsewhere.getMessage().contains("delete "),
                "a lock of another host is never taken over: " + elsewhere.getMessage());
    }
}
