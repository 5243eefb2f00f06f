package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalSandboxTest extends SandboxContract {

    static LocalSandbox shared;

    @BeforeAll
    static void start() {
        shared = LocalSandbox.start(SandboxSpec.of(SandboxSpec.BASE_IMAGE).withEnv(Map.of("GREETING", "hello")));
    }

    @AfterAll
    static void close() {
        Path root = shared.root();
        shared.close();
        assertThat(Files.exists(root)).as("temporary directory removed").isFalse();
    }

    @Override
    Sandbox sandbox() {
        return shared;
    }

    @Test
    void workdirPathsMapIntoTheTemporaryDirectory() {
        shared.writeText("/app/mapped.txt", "in root");
        assertThat(shared.root().resolve("mapped.txt")).hasContent("in root");
        assertThat(shared.exec("cat mapped.txt", TEN_SECONDS).stdout()).isEqualTo("in root");
    }
}
