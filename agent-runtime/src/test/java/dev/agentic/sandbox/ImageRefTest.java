package dev.agentic.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Image references as Docker reads them, and the content hash that identifies a build. */
class ImageRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"debian", "debian:bookworm-slim", "agentic/base:bookworm", "localhost/app", "localhost:5000/team/app:1.2",
            "registry.example.com/a/b/c", "ghcr.io/org/img@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "app:v1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "agentic/task-swe-agentic__tinycache-2:69abf4f0ecdc",
            "my.registry:443/x_y.z-w"})
    void readsWhatDockerReadsAndGivesItBack(String text) {
        assertThat(ImageRef.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void splitsRegistryRepositoryTagAndDigest() {
        ImageRef ref = ImageRef.parse("localhost:5000/team/app:1.2@sha256:0123456789abcdef0123456789abcdef");
        assertThat(ref.registry()).isEqualTo("localhost:5000");
        assertThat(ref.repository()).isEqualTo("team/app");
        assertThat(ref.tag()).isEqualTo("1.2");
        assertThat(ref.digest()).isEqualTo("sha256:0123456789abcdef0123456789abcdef");
        assertThat(ref.name()).isEqualTo("localhost:5000/team/app");
        assertThat(ImageRef.parse("agentic/base").registry()).as("a first component without dot or colon is a path").isNull();
        assertThat(ImageRef.parse("agentic/base").tag()).isNull();
        assertThat(ImageRef.parse("agentic/base").withTag("x").toString()).isEqualTo("agentic/base:x");
    }

    @Test
    void malformedReferencesSayWhatIsWrongAndWhatIsExpected() {
        assertThatThrownBy(() -> ImageRef.parse("Agentic/Base")).hasMessageContaining("'Agentic/Base' is not an image reference")
                .hasMessageContaining("lower-case").hasMessageContaining("[registry/]repository[:tag][@digest]");
        assertThatThrownBy(() -> ImageRef.parse("base:")).hasMessageContaining("is not an image tag");
        assertThatThrownBy(() -> ImageRef.parse("base:-x")).hasMessageContaining("is not an image tag");
        assertThatThrownBy(() -> ImageRef.parse("base@sha256:xyz")).hasMessageContaining("is not an image digest");
        assertThatThrownBy(() -> ImageRef.parse("a//b")).hasMessageContaining("component ''");
        assertThatThrownBy(() -> ImageRef.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ImageRef.parse(" debian")).hasMessageContaining("spaces");
        assertThatThrownBy(() -> ImageRef.parse("bad_host:x:5000/app")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBuildIsIdentifiedByWhatGoesIntoIt(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM agentic/base:bookworm\n");
        Files.createDirectories(context.resolve("tests"));
        Files.writeString(context.resolve("tests/test.sh"), "exit 0\n");
        ImageSource.Build build = build(context);
        assertThat(build.ref().toString()).matches("agentic/task-x:[0-9a-f]{12}");
        assertThat(build.key()).isEqualTo(build.ref().toString());

        Files.writeString(context.resolve("tests/test.sh"), "exit 1\n");
        assertThat(build(context).contentHash()).as("excluded entries change nothing").isEqualTo(build.contentHash());
        Files.writeString(context.resolve("Dockerfile"), "FROM agentic/base:bookworm\nRUN true\n");
        assertThat(build(context).contentHash()).isNotEqualTo(build.contentHash());

        assertThatThrownBy(() -> build(context.resolve("absent"))).isInstanceOf(ImageDefinitionException.class)
                .hasMessageContaining("cannot read the build context");
    }

    private static ImageSource.Build build(Path context) {
        return ImageSource.Build.of("agentic/task-x", context, context.resolve("Dockerfile"), Set.of("tests"), Duration.ofMinutes(1), Map.of());
    }
}
