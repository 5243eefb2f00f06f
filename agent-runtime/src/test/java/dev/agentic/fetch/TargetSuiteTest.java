package dev.agentic.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentic.suite.Suite;
import dev.agentic.task.Task;
import dev.agentic.task.TaskSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed target suite ({@code experiments/suites/target.yaml}) as a fetch would leave it: its
 * manifest names 25 + 12 Terminal-Bench 2.0 folders and 25 + 13 SWE-bench instances, its stages name
 * tasks of its core, its hash covers its pins. The cache is filled with stand-ins of the right names
 * (the published content needs a network), so what is checked is the manifest, not the tasks.
 */
class TargetSuiteTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path TARGET = REPO.resolve("experiments/suites/target.yaml");

    /** The form of a Terminal-Bench 2.0 task.toml at the pinned commit. */
    static final String TB2_TASK = """
            version = "1.0"

            [metadata]
            author_name = "someone"
            difficulty = "medium"
            category = "software-engineering"
            tags = ["coding"]
            expert_time_estimate_min = 60.0

            [verifier]
            timeout_sec = 900.0

            [agent]
            timeout_sec = 900.0

            [environment]
            build_timeout_sec = 600.0
            docker_image = "alexgshaw/%s:20251031"
            cpus = 1
            memory = "2G"
            storage = "10G"
            """;

    @TempDir
    Path dir;

    @Test
    void theTargetManifestNamesFiftyCoreAndTwentyFiveExpansionTasksPinned() {
        FetchPlan plan = FetchPlan.read(TARGET, Map.of());
        assertThat(plan.suiteId()).isEqualTo("target");
        assertThat(plan.of(TaskSet.CORE)).hasSize(50);
        assertThat(plan.of(TaskSet.EXPANSION)).hasSize(25);
        assertThat(plan.of(TaskSet.CORE).stream().filter(t -> t.source() instanceof Source.Git)).hasSize(25);
        assertThat(plan.of(TaskSet.EXPANSION).stream().filter(t -> t.source() instanceof Source.Git)).hasSize(12);
        assertThat(plan.tasks()).extracting(PublishedTask::name).doesNotHaveDuplicates();
        Source.Git tb = (Source.Git) plan.sources().get("terminal-bench-2");
        assertThat(tb.commit()).isEqualTo("69671fbaac6d67a7ef0dfec016cc38a64ef7a77c");
        Source.Dataset swe = (Source.Dataset) plan.sources().get("swe-bench-verified");
        assertThat(swe.url().toString()).isEqualTo("https://huggingface.co/datasets/princeton-nlp/SWE-bench_Verified/resolve/"
                + "c104f840cc67f8b6eec6f759ebc8b2693d585d4a/data/test-00000-of-00001.parquet");
        assertThat(swe.sha256()).hasSize(64);
        assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.image()).as(t.name()).isNotNull());
        assertThat(plan.tasks().stream().filter(t -> t.source() == swe)).allSatisfy(t -> assertThat(t.imageSize().basis())
                .isEqualTo(PublishedTask.ImageSize.Basis.ESTIMATED));
    }

    @Test
    void onceFetchedItLoadsWithItsStagesAndItsHashCoversThePins() throws Exception {
        FetchPlan plan = FetchPlan.read(TARGET, Map.of());
        TaskCache cache = standIns(plan, dir.resolve("cache"));
        Suite suite = Suite.load(TARGET, "agentic/base:bookworm", cache);

        assertThat(suite.tasks()).hasSize(50);
        assertThat(suite.expansion()).hasSize(25);
        assertThat(suite.tasks()).extracting(Task::id).contains("harbor/fix-git", "swe/django__django-11790");
        assertThat(suite.staged()).isTrue();
        assertThat(suite.stages()).hasSize(2);
        assertThat(suite.stages().get(0).name()).isEqualTo("screen");
        assertThat(suite.stages().get(0).tasks()).hasSize(10);
        assertThat(suite.stages().get(1).tasks()).hasSize(40);

        Path repinned = dir.resolve("target.yaml");
        Files.writeString(repinned, Files.readString(TARGET).replace("a45b1fe4e2f0c8390b2b2938ac83e92ed5979000856808f3679c07812e9e6dcd",
                "\"" + "0".repeat(64) + "\""));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suite.load(repinned, "agentic/base:bookworm", cache))
                .as("a file verified against another pin is not the pinned one").hasMessageContaining("are not fetched into");
        TaskCache repinnedCache = standIns(FetchPlan.read(repinned, Map.of()), dir.resolve("cache-repinned"));
        assertThat(Suite.load(repinned, "agentic/base:bookworm", repinnedCache).hash()).as("the hash covers the pins").isNotEqualTo(suite.hash());

        Path mirrored = dir.resolve("mirrored.yaml");
        Files.writeString(mirrored, Files.readString(TARGET).replace("https://github.com/laude-institute/terminal-bench-2.git", "file:///srv/mirror/tb2.git"));
        assertThat(Suite.load(mirrored, "agentic/base:bookworm", cache).hash()).as("not the location: a mirror holds the same content")
                .isEqualTo(suite.hash());

        Path otherCommit = dir.resolve("other-commit.yaml");
        Files.writeString(otherCommit, Files.readString(TARGET).replace("69671fbaac6d67a7ef0dfec016cc38a64ef7a77c", "2fd12b88aafdd04a52c298e3940bcb189f9766d6"));
        TaskCache same = standIns(FetchPlan.read(otherCommit, Map.of()), dir.resolve("cache")); // the same folders under the other commit
        assertThat(Suite.load(otherCommit, "agentic/base:bookworm", same).hash()).as("the commit, even with the same content")
                .isNotEqualTo(suite.hash());
    }

    /** A cache holding, under each published name, a task of the right format: a Harbor folder, an instance. */
    static TaskCache standIns(FetchPlan plan, Path root) throws IOException {
        TaskCache cache = new TaskCache(root);
        Path harbor = REPO.resolve("agent-runtime/src/test/resources/tasks/harbor-count-lines");
        ObjectMapper json = new ObjectMapper();
        ObjectNode instance = (ObjectNode) json.readTree(REPO.resolve("experiments/tasks/swe/agentic__iniconf-1/instance.json").toFile());
        List<String> rows = new ArrayList<>();
        for (PublishedTask task : plan.tasks()) {
            if (task.source() instanceof Source.Git git) {
                Path folder = cache.taskFolder(git, task.path());
                dev.agentic.task.TestFolders.copy(harbor, folder);
                Files.writeString(folder.resolve("task.toml"), TB2_TASK.formatted(task.name())); // no [task] name: the folder names it
            } else {
                rows.add(json.writeValueAsString(instance.deepCopy().put("instance_id", task.name()).put("repo", task.name().split("__")[0]
                        + "/" + task.name().split("__")[1].replaceAll("-\\d+$", ""))));
            }
        }
        Source.Dataset swe = (Source.Dataset) plan.sources().get("swe-bench-verified");
        Files.createDirectories(cache.datasetRows(swe).getParent());
        Files.write(cache.datasetRows(swe), rows);
        cache.recordChecksum(swe, swe.sha256()); // as a fetch that verified the file against the pin records it
        return cache;
    }

}
