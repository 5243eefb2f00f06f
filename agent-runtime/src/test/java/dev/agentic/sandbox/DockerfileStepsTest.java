package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a build's failure is placed in its Dockerfile (the instruction a step number or a parse error points to), which
 * base images a Dockerfile names on which lines, and which failed pulls are a registry saying an image does not exist.
 */
class DockerfileStepsTest {

    @TempDir
    Path dir;

    @Test
    void instructionsAreCountedAsTheBuilderCountsItsSteps() throws Exception {
        Path dockerfile = Files.writeString(dir.resolve("Dockerfile"), """
                # syntax=docker/dockerfile:1
                ARG BASE=agentic/base:bookworm

                FROM golang:1.22 AS build
                RUN apt-get update \\
                # a comment inside the instruction
                    && make
                FROM ${BASE}
                FROM build
                COPY --from=build /out /out
                """);
        assertThat(EngineImages.instructions(dockerfile)).containsExactly(
                new EngineImages.Instruction("ARG", "ARG BASE=agentic/base:bookworm", 2),
                new EngineImages.Instruction("FROM", "FROM golang:1.22 AS build", 4),
                new EngineImages.Instruction("RUN", "RUN apt-get update && make", 5),
                new EngineImages.Instruction("FROM", "FROM ${BASE}", 8),
                new EngineImages.Instruction("FROM", "FROM build", 9),
                new EngineImages.Instruction("COPY", "COPY --from=build /out /out", 10));
        assertThat(EngineImages.baseImages(dockerfile)).as("not a stage, not one with a variable")
                .containsExactly(new EngineImages.BaseImage("golang:1.22", 4));

        assertThat(EngineImages.failedInstruction(dockerfile, "Could not build image: The command '/bin/sh -c …' returned a non-zero code: 2",
                List.of("Step 1/6 : ARG BASE=agentic/base:bookworm", "Step 2/6 : FROM golang:1.22 AS build", " ---> 1a2b",
                        "Step 3/6 : RUN apt-get update     && make", " ---> Running in 3c4d", "make: *** No targets.  Stop.")))
                .isEqualTo(new EngineImages.Instruction("RUN", "RUN apt-get update && make", 5));
        assertThat(EngineImages.failedInstruction(dockerfile, "Status 400: {\"message\":\"dockerfile parse error line 9: unknown instruction\"}",
                List.of())).extracting(EngineImages.Instruction::line).isEqualTo(9);
        assertThat(EngineImages.failedInstruction(dockerfile, "no step announced", List.of("Sending build context"))).isNull();
    }

    @Test
    void onlyARegistrysAnswerThatTheImageDoesNotExistIsTheDefinitionsFault() {
        assertThat(EngineImages.registrySaysNoSuchImage("manifest for agentic/nope:1 not found: manifest unknown: manifest unknown")).isTrue();
        assertThat(EngineImages.registrySaysNoSuchImage("pull access denied for agentic/nope, repository does not exist or may require"
                + " 'docker login': denied: requested access to the resource is denied")).isTrue();
        assertThat(EngineImages.registrySaysNoSuchImage("Status 500: {\"message\":\"Get \\\"https://registry-1.docker.io/v2/\\\": dial tcp:"
                + " lookup registry-1.docker.io on 10.255.255.53:53: no such host\"}")).as("no registry answered").isFalse();
        assertThat(EngineImages.registrySaysNoSuchImage("net/http: request canceled while waiting for connection")).isFalse();
        assertThat(EngineImages.registrySaysNoSuchImage(null)).isFalse();
    }
}
