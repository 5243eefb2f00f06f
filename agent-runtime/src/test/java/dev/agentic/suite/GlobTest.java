package dev.agentic.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The globs of suites and task filters: what they match, and what is refused. */
class GlobTest {

    @Test
    void idGlobsMatchAcrossSlashesWithClassesAndGroups() {
        assertThat(Glob.ofIds("tb/*").matcher("tb/hello-world").matches()).isTrue();
        assertThat(Glob.ofIds("*world").matcher("tb/hello-world").matches()).isTrue();
        assertThat(Glob.ofIds("tb/[gh]ello-?orld").matcher("tb/hello-world").matches()).isTrue();
        assertThat(Glob.ofIds("tb/[!h]*").matcher("tb/hello-world").matches()).isFalse();
        assertThat(Glob.ofIds("tb/[a-i]*").matcher("tb/hello-world").matches()).isTrue();
        assertThat(Glob.ofIds("{tb,harbor}/hello-*").matcher("harbor/hello-x").matches()).isTrue();
        assertThat(Glob.ofIds("swe/a\\*b").matcher("swe/a*b").matches()).isTrue();
        assertThat(Glob.ofIds("swe/a\\*b").matcher("swe/axb").matches()).isFalse();
        assertThat(Glob.ofIds("a.b").matcher("axb").matches()).as("regex characters stand for themselves").isFalse();
    }

    @Test
    void pathGlobsStayWithinAFolderUnlessDoubled() {
        assertThat(Glob.ofPaths("tasks/*").matches(Path.of("tasks/hello"))).isTrue();
        assertThat(Glob.ofPaths("tasks/*").matches(Path.of("tasks/swe/one"))).isFalse();
        assertThat(Glob.ofPaths("tasks/**").matches(Path.of("tasks/swe/one"))).isTrue();
    }

    @Test
    void invalidGlobsSayWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> Glob.ofIds("tb/[abc")).hasMessage("not a valid glob: '[' at character 4 is not closed;"
                + " expected a ']' after the characters of the class");
        assertThatThrownBy(() -> Glob.ofIds("tb/{a,b")).hasMessage("not a valid glob: '{' at character 4 is not closed; expected a '}'");
        assertThatThrownBy(() -> Glob.ofIds("tb/a}")).hasMessageContaining("'}' at character 5 closes no group");
        assertThatThrownBy(() -> Glob.ofIds("{a,{b}}")).hasMessageContaining("groups cannot be nested");
        assertThatThrownBy(() -> Glob.ofIds("tb/[z-a]")).hasMessageContaining("range 'z-a' at character 5 runs backwards");
        assertThatThrownBy(() -> Glob.ofIds("tb\\")).hasMessageContaining("'\\' at character 3 escapes nothing");
    }
}
