package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path dir;

    @Test
    void keepsModesAndSymlinksAndLeavesOutHiddenEntries() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path tool = Files.writeString(Files.createDirectories(dir.resolve("bin")).resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(dir.resolve("bin/current"), Path.of("tool"));
        Files.writeString(Files.createDirectories(dir.resolve("tests")).resolve("test_secret.py"), "assert True\n");
        Files.writeString(dir.resolve("solution.sh"), "echo answer\n");

        Path tarFile = BuildContext.tar(dir, Set.of("tests", "solution.sh"));
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarFile))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        } finally {
            Files.delete(tarFile);
        }
        assertThat(entries).containsKeys("Dockerfile", "bin/", "bin/tool", "bin/current")
                .doesNotContainKeys("tests/", "tests/test_secret.py", "solution.sh");
        assertThat(entries.get("bin/tool").getMode() & 0777).isEqualTo(0750);
        assertThat(entries.get("bin/current").isSymbolicLink()).isTrue();
        assertThat(entries.get("bin/current").getLinkName()).isEqualTo("tool");
    }
}
