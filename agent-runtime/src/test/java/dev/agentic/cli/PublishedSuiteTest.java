package dev.agentic.cli;

import static dev.agentic.cli.AgentCliTest.REPO;
import static dev.agentic.cli.AgentCliTest.agentx;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentic.fetch.TaskCache;
import dev.agentic.testing.DatasetServer;
import dev.agentic.testing.GitDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite of published tasks, end to end, against loopback stand-ins for the real sources: a git
 * repository of Harbor and Terminal-Bench task folders served by {@code git daemon}, a dataset file of
 * SWE-bench instances (Parquet, as the Hub publishes them) served by a local HTTP server speaking the Hub's
 * file protocol, and a locally built image standing in for a pulled instance image. Fetch, then bench with
 * both servers stopped, then report; and the ways a fetch fails, each with a clear error, no half-written
 * cache entry, and a rerun that completes.
 */
class PublishedSuiteTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INSTANCE = "agentic__iniconf-1";
    static final String IMAGE = dev.agentic.task.SweBenchTask.publishedImage(INSTANCE);
    static final String DATASET = "agentic/swe-mini";
    static final String REVISION = "5e1f0c3a9b7d2e4f6a8c0b1d3e5f7a9c2b4d6e8f";
    static final String FILE = "data/test-00000-of-00001.parquet";

    @TempDir
    static Path shared;

    static Path served;
    static String pinned;
    static String tip;
    static byte[] parquet;

    @TempDir
    Path dir;

    @BeforeAll
    static void publish() throws Exception {
        served = Files.createDirectories(shared.resolve("served"));
        Path work = Files.createDirectories(shared.resolve("work"));
        dev.agentic.task.TestFolders.copy(REPO.resolve("agent-runtime/src/test/resources/tasks/harbor-count-lines"), work.resolve("count-lines"));
        dev.agentic.task.TestFolders.copy(REPO.resolve("experiments/tasks/hello-world"), work.resolve("hello-world"));
        dev.agentic.task.TestFolders.copy(REPO.resolve("experiments/tasks/csv-to-json-report"), work.resolve("not-in-the-suite"));
        git(work, "init", "-q", "-b", "main");
        git(work, "add", "-A");
        git(work, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "tasks");
        pinned = git(work, "rev-parse", "HEAD").strip();
        Files.writeString(work.resolve("README.md"), "a later commit: the pin is not the tip\n");
        git(work, "add", "-A");
        git(work, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "later");
        tip = git(work, "rev-parse", "HEAD").strip();
        git(shared, "clone", "-q", "--bare", work.toString(), served.resolve("tasks.git").toString());

        ObjectNode instance = (ObjectNode) JSON.readTree(REPO.resolve("experiments/tasks/swe/" + INSTANCE + "/instance.json").toFile());
        for (String field : List.of("FAIL_TO_PASS", "PASS_TO_PASS")) { // as published: JSON-encoded lists in text columns
            if (instance.get(field).isArray()) {
                instance.put(field, JSON.writeValueAsString(instance.get(field)));
            }
        }
        Path rows = shared.resolve("rows.jsonl");
        Files.writeString(rows, JSON.writeValueAsString(instance) + "\n");
        Path file = shared.resolve("test.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_json_auto('" + rows + "')) TO '" + file + "' (FORMAT PARQUET)");
        }
        parquet = Files.readAllBytes(file);
        docker("build", "-q", "-t", IMAGE, REPO.resolve("experiments/tasks/swe/" + INSTANCE).toString());
    }

    @AfterAll
    static void removeImage() throws Exception {
        docker("rmi", "-f", IMAGE);
    }

    @AfterEach
    void defaults() {
        System.clearProperty(TaskCache.PROPERTY);
        System.clearProperty(dev.agentic.sandbox.ContainerNetwork.PROPERTY);
    }

    @Test
    void aContainerNetworkTheEngineDoesNotHaveIsRefusedBeforeAnyContainerStarts() throws Exception {
        Path suite = Files.writeString(dir.resolve("one.yaml"), "id: one\ntasks:\n  - " + REPO.resolve("experiments/tasks/hello-world") + "\n");
        Run bench = run("bench", "--network", "no-such-network", "--suite", suite.toString(), "--variant", "v",
                "--set", "model=scripted:" + REPO.resolve("experiments/scripts"), "--results", dir.resolve("results").toString());
        assertThat(bench.exitCode()).as(bench.all()).isEqualTo(3);
        assertThat(bench.stderr()).contains("the Docker engine at ", " has no network 'no-such-network'");
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void fetchesThenRunsOfflineByNameThenReports() throws Exception {
        Path cache = dir.resolve("cache");
        Path manifest;
        Run fetch;
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            hub.put(DATASET, REVISION, FILE, parquet);
            manifest = manifest(git.url("tasks.git"), pinned, sha256(parquet));

            Run dry = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--dry-run");
            assertThat(dry.exitCode()).as(dry.all()).isZero();
            assertThat(dry.stdout()).contains("suite loopback", "3 core + 0 expansion tasks from 2 source(s)", "tasks-repo:count-lines",
                    "tasks-repo:hello-world", "swe-mini:" + INSTANCE, "to fetch", IMAGE, "(built from its Dockerfile)", "123.0 MB");
            assertThat(hub.requests()).as("a dry run needs no network").isEmpty();
            assertThat(cache.resolve("tasks")).doesNotExist();

            long started = System.nanoTime();
            fetch = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint());
            System.out.printf("loopback suite fetched in %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(fetch.exitCode()).as(fetch.all()).isZero();
            assertThat(hub.requests()).anyMatch(r -> r.startsWith("GET /datasets/" + DATASET + "/resolve/" + REVISION + "/" + FILE))
                    .anyMatch(r -> r.startsWith("GET /storage/datasets/"));
        }
        assertThat(fetch.stdout()).contains("images: 0 of 1 to pull", "fetched suite loopback: 3 tasks");
        assertThat(cache.resolve("tasks").resolve(pinned).resolve("count-lines/tests/test.sh")).isExecutable();
        assertThat(cache.resolve("tasks").resolve(pinned).resolve("hello-world/task.yaml")).isRegularFile();
        assertThat(cache.resolve("tasks").resolve(pinned).resolve("not-in-the-suite")).as("only the suite's folders").doesNotExist();
        assertThat(cache.resolve("tasks").resolve(pinned).resolve("README.md")).doesNotExist();
        assertThat(cache.resolve("datasets/agentic__swe-mini").resolve(REVISION).resolve(FILE + ".rows.jsonl")).isRegularFile();
        System.out.printf("loopback cache size %d bytes (object store included)%n", size(cache));

        // both servers are gone: the suite runs from the cache, named by its id
        Path results = dir.resolve("experiments/v/results");
        Path scripts = scripts();
        Run bench = run("bench", "--cache", cache.toString(), "--suite", "loopback", "--variant", "v", "--set", "model=scripted:" + scripts,
                "--results", results.toString(), "--run-id", "r1");
        assertThat(bench.exitCode()).as(bench.all()).isZero();
        assertThat(bench.stdout()).contains("harbor/count-lines", "tb/hello-world", "swe/" + INSTANCE);
        List<JsonNode> trials = new ArrayList<>();
        for (String line : Files.readAllLines(results.resolve("r1/trials.jsonl"))) {
            trials.add(JSON.readTree(line));
        }
        assertThat(trials).hasSize(3).allSatisfy(t -> assertThat(t.path("resolved").asBoolean()).as(t.toString()).isTrue());
        assertThat(JSON.readTree(results.resolve("r1/run.json").toFile()).path("suite_hash").asText()).isNotBlank();

        Run summary = run("summary", "--results", results.toString());
        assertThat(summary.exitCode()).as(summary.all()).isZero();
        assertThat(summary.stdout()).contains("### v on loopback: 3/3 resolved", "3 tasks × 1 trials");
        Run report = run("report", "--experiments", dir.resolve("experiments").toString(), "--out", dir.resolve("report").toString());
        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(dir.resolve("report/index.html")).content().contains("harbor/count-lines", "swe/" + INSTANCE, "tb/hello-world");

        Run again = run("fetch", "--cache", cache.toString(), "--suite", "loopback");
        assertThat(again.exitCode()).as("everything is cached: no network needed " + again.all()).isZero();
    }

    @Test
    void aCommitTheRepositoryDoesNotHoldIsRefusedAndLeavesNothing() throws Exception {
        Path cache = dir.resolve("cache");
        String absent = "0123456789abcdef0123456789abcdef01234567";
        try (GitDaemon git = GitDaemon.serve(served)) {
            Run fetch = run("fetch", "--cache", cache.toString(), "--suite", manifest(git.url("tasks.git"), absent, sha256(parquet)).toString(),
                    "--no-images", "--set", "core");
            assertThat(fetch.exitCode()).as(fetch.all()).isEqualTo(2);
            assertThat(fetch.stderr()).contains("commit " + absent + " is not in " + git.url("tasks.git"));
            assertThat(cache.resolve("tasks").resolve(absent)).doesNotExist();

            Run wrongFolder = run("fetch", "--cache", cache.toString(), "--suite",
                    manifest(git.url("tasks.git"), tip, sha256(parquet), "no-such-task").toString(), "--no-images");
            assertThat(wrongFolder.exitCode()).as(wrongFolder.all()).isEqualTo(2);
            assertThat(wrongFolder.stderr()).contains("there is no folder 'no-such-task' at commit " + tip.substring(0, 12));
        }
    }

    @Test
    void aMissingDatasetFileAndAWrongChecksumAreRefusedAndLeaveNothing() throws Exception {
        Path cache = dir.resolve("cache");
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            hub.put(DATASET, "f".repeat(40), FILE, parquet); // another revision than the pinned one
            Run missing = run("fetch", "--cache", cache.toString(), "--suite", manifest(git.url("tasks.git"), pinned, sha256(parquet)).toString(),
                    "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(missing.exitCode()).as(missing.all()).isEqualTo(2);
            assertThat(missing.stderr()).contains("answered HTTP 404", "revision " + REVISION);
            assertThat(datasetFolder(cache)).satisfies(PublishedSuiteTest::holdsNoFile);

            hub.put(DATASET, REVISION, FILE, parquet);
            Run mismatch = run("fetch", "--cache", cache.toString(), "--suite", manifest(git.url("tasks.git"), pinned, "ab".repeat(32)).toString(),
                    "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(mismatch.exitCode()).as(mismatch.all()).isEqualTo(2);
            assertThat(mismatch.stderr()).contains("checksum mismatch", "ab".repeat(32), sha256(parquet), "nothing was kept");
            assertThat(datasetFolder(cache)).satisfies(PublishedSuiteTest::holdsNoFile);

            Run right = run("fetch", "--cache", cache.toString(), "--suite", manifest(git.url("tasks.git"), pinned, sha256(parquet)).toString(),
                    "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(right.exitCode()).as(right.all()).isZero();
        }
    }

    @Test
    void anInterruptedDownloadResumesWhereItStopped() throws Exception {
        Path cache = dir.resolve("cache");
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            hub.put(DATASET, REVISION, FILE, parquet);
            hub.breakNextAfter(parquet.length / 2);
            Path manifest = manifest(git.url("tasks.git"), pinned, sha256(parquet));
            Run broken = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(broken.exitCode()).as(broken.all()).isEqualTo(Failure.RETRYABLE);
            assertThat(broken.stderr()).contains("run the fetch again to resume it");
            assertThat(datasetFolder(cache).resolve(FILE)).doesNotExist();
            assertThat(datasetFolder(cache).resolve(FILE + ".part")).hasSize(parquet.length / 2);

            Run resumed = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(resumed.exitCode()).as(resumed.all()).isZero();
            assertThat(resumed.stdout()).contains("resuming after");
            assertThat(hub.requests()).anyMatch(r -> r.endsWith("Range:bytes=" + parquet.length / 2 + "-"));
            assertThat(datasetFolder(cache).resolve(FILE)).hasBinaryContent(parquet);
        }
    }

    @Test
    void aFullDiskLeavesNoHalfEntryAndARerunWithRoomCompletes() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small file system needs root");
        Path small = Files.createDirectories(dir.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here");
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            byte[] big = padded(600_000);
            hub.put(DATASET, REVISION, "data/test.jsonl", big);
            Path manifest = manifest(git.url("tasks.git"), pinned, sha256(big)).resolveSibling("big.yaml");
            Files.writeString(manifest, Files.readString(dir.resolve("suite.yaml")).replace(FILE, "data/test.jsonl"));
            Run full = run("fetch", "--cache", small.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images",
                    "--set", "core");
            assertThat(full.exitCode()).as(full.all()).isEqualTo(Failure.RETRYABLE);
            assertThat(full.stderr()).contains("disk full", "nothing of it was kept");
            try (Stream<Path> files = Files.walk(small)) {
                assertThat(files.filter(Files::isRegularFile).filter(p -> p.toString().contains("datasets"))).as("no half-written dataset file").isEmpty();
            }
            try (Stream<Path> files = Files.walk(small)) {
                assertThat(files.map(Path::toString)).as("nothing left aside").noneMatch(p -> p.contains(".init-") || p.contains(".partial-") || p.endsWith(".part"));
            }
            Run roomy = run("fetch", "--cache", dir.resolve("roomy").toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(),
                    "--no-images");
            assertThat(roomy.exitCode()).as(roomy.all()).isZero();
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    @Test
    void twoFetchesIntoOneCacheTakeTurnsAndLeaveWholeEntries() throws Exception {
        Path cache = dir.resolve("cache");
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            hub.put(DATASET, REVISION, FILE, parquet);
            Path manifest = manifest(git.url("tasks.git"), pinned, sha256(parquet));
            java.util.Map<String, String> env = java.util.Map.of();
            String[] args = {"fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images"};
            try (dev.agentic.testing.ChildProcess first = dev.agentic.testing.ChildProcess.agentCli(env, args);
                 dev.agentic.testing.ChildProcess second = dev.agentic.testing.ChildProcess.agentCli(env, args)) {
                assertThat(first.exitCode(java.time.Duration.ofMinutes(2))).as(first.output()).isZero();
                assertThat(second.exitCode(java.time.Duration.ofMinutes(2))).as(second.output()).isZero();
            }
        }
        Path folder = cache.resolve("tasks").resolve(pinned);
        assertThat(size(folder.resolve("hello-world"))).isEqualTo(size(REPO.resolve("experiments/tasks/hello-world")));
        assertThat(size(folder.resolve("count-lines"))).isEqualTo(size(REPO.resolve("agent-runtime/src/test/resources/tasks/harbor-count-lines")));
        assertThat(datasetFolder(cache).resolve(FILE)).hasBinaryContent(parquet);
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.map(Path::toString)).as("nothing left aside").noneMatch(p -> p.contains(".partial-") || p.endsWith(".part") || p.contains(".tmp-"));
        }
    }

    @Test
    void theHubTokenGoesToTheHubAndNotToTheStorageItRedirectsTo() throws Exception {
        Path cache = dir.resolve("cache");
        String token = "hf_loopbackToken1234567890";
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start(true)) {
            hub.put(DATASET, REVISION, FILE, parquet);
            Path manifest = manifest(git.url("tasks.git"), pinned, sha256(parquet));
            try (dev.agentic.testing.ChildProcess fetch = dev.agentic.testing.ChildProcess.agentCli(java.util.Map.of("HF_TOKEN", token),
                    "fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images")) {
                assertThat(fetch.exitCode(java.time.Duration.ofMinutes(2))).as(fetch.output()).isZero();
                assertThat(fetch.output()).doesNotContain(token);
            }
            assertThat(hub.requests()).anyMatch(r -> r.startsWith("GET /datasets/") && r.contains("@127.0.0.1 Authorization:Bearer " + token));
            assertThat(hub.requests()).anyMatch(r -> r.startsWith("GET /storage/") && r.contains("@127.0.0.2"))
                    .filteredOn(r -> r.contains("@127.0.0.2")).noneMatch(r -> r.contains("Authorization"));
        }
    }

    @Test
    void aCachedFileThatIsNotThePinnedOneIsFetchedAgainAndAStalePartIsNotSpliced() throws Exception {
        Path cache = dir.resolve("cache");
        byte[] other = padded(1000);
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            Path unpinned = Files.writeString(dir.resolve("unpinned.yaml"),
                    Files.readString(manifest(git.url("tasks.git"), pinned, sha256(other))).replaceAll("    sha256: .*\n", "").replace(FILE, "data/t.jsonl"));
            hub.put(DATASET, REVISION, "data/t.jsonl", other);
            Run first = run("fetch", "--cache", cache.toString(), "--suite", unpinned.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(first.exitCode()).as(first.all()).isZero();
            assertThat(first.stdout()).contains("has sha256 " + sha256(other) + ", not pinned in the manifest");

            byte[] pinnedContent = padded(2000); // the dataset as pinned: not what the cache holds
            hub.put(DATASET, REVISION, "data/t.jsonl", pinnedContent);
            Path pinnedManifest = Files.writeString(dir.resolve("pinned.yaml"),
                    Files.readString(manifest(git.url("tasks.git"), pinned, sha256(pinnedContent))).replace(FILE, "data/t.jsonl"));
            Files.write(datasetFolder(cache).resolve("data/t.jsonl.part"), "Z".repeat(300).getBytes()); // left by another download
            Run second = run("fetch", "--cache", cache.toString(), "--suite", pinnedManifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(second.stdout()).contains("not the pinned " + sha256(pinnedContent) + "; fetching the pinned one",
                    "the resumed file does not match its pin; downloading it again from the start");
            assertThat(datasetFolder(cache).resolve("data/t.jsonl")).hasBinaryContent(pinnedContent);
        }
    }

    @Test
    void aManifestImageOtherThanTheTasksOwnIsRefused() throws Exception {
        Path cache = dir.resolve("cache");
        try (GitDaemon git = GitDaemon.serve(served); DatasetServer hub = DatasetServer.start()) {
            hub.put(DATASET, REVISION, FILE, parquet);
            Path manifest = manifest(git.url("tasks.git"), pinned, sha256(parquet));
            Files.writeString(manifest, Files.readString(manifest).replace("{name: hello-world}", "{name: hello-world, image: example/hello:1}"));
            Run fetch = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--source", "swe-mini=" + hub.endpoint(), "--no-images");
            assertThat(fetch.exitCode()).as(fetch.all()).isEqualTo(2);
            assertThat(fetch.stderr()).contains("task 'hello-world': the manifest names image 'example/hello:1', but the task builds its own from a"
                    + " Dockerfile; make the manifest say what the task says");
        }
    }

    @Test
    void internalCopiesByFileUrlAndByFolderNeedNoServer() throws Exception {
        Path cache = dir.resolve("cache");
        Path copy = Files.createDirectories(dir.resolve("copy/data"));
        Files.write(copy.resolve("test-00000-of-00001.parquet"), parquet);
        Path manifest = manifest("git://git.example.invalid/tasks.git", pinned, sha256(parquet)); // the manifest's hosts do not exist
        Run fetch = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--no-images",
                "--source", "tasks-repo=" + served.resolve("tasks.git").toUri(), "--source", "swe-mini=" + dir.resolve("copy"));
        assertThat(fetch.exitCode()).as(fetch.all()).isZero();
        assertThat(fetch.stdout()).contains("git tasks-repo: fetching commit " + pinned.substring(0, 12) + " from file:", "dataset swe-mini: copying ");
        assertThat(cache.resolve("tasks").resolve(pinned).resolve("count-lines/task.toml")).isRegularFile();
        assertThat(datasetFolder(cache).resolve(FILE)).hasBinaryContent(parquet);

        Run bad = run("fetch", "--cache", cache.toString(), "--suite", manifest.toString(), "--no-images", "--source", "swe-mini=file:relative/copy");
        assertThat(bad.exitCode()).as(bad.all()).isEqualTo(2);
        assertThat(bad.stderr()).contains("--source swe-mini=file:relative/copy: not a usable location");
    }

    // ---------------------------------------------------------------------------------------------

    record Run(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + "\n" + stderr;
        }
    }

    static Run run(String... args) {
        AgentCliTest.Run run = agentx(args);
        return new Run(run.exitCode(), run.stdout(), run.stderr());
    }

    Path manifest(String gitUrl, String commit, String sha256, String... extraTasks) throws IOException {
        String tasks = String.join(", ", Stream.concat(Stream.of("count-lines", "{name: hello-world}"), Stream.of(extraTasks)).toList());
        Files.copy(REPO.resolve("experiments/tasks/swe/repos.yaml"), dir.resolve("repos.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.writeString(dir.resolve("suite.yaml"), String.join("\n",
                "id: loopback",
                "description: published-format tasks served on 127.0.0.1",
                "sources:",
                "  tasks-repo:",
                "    git: " + gitUrl,
                "    commit: " + commit,
                "  swe-mini:",
                "    dataset: " + DATASET,
                "    revision: " + REVISION,
                "    file: " + FILE,
                "    sha256: " + sha256,
                "tasks:",
                "  - source: tasks-repo",
                "    tasks: [" + tasks + "]",
                "  - source: swe-mini",
                "    instances:",
                "      - {id: " + INSTANCE + ", image_mb: 123}",
                "    repo_specs: repos.yaml",
                ""));
    }

    Path scripts() throws IOException {
        Path scripts = dir.resolve("scripts");
        Files.createDirectories(scripts.resolve("tb"));
        Files.createDirectories(scripts.resolve("swe"));
        Files.createDirectories(scripts.resolve("harbor"));
        Files.copy(REPO.resolve("experiments/scripts/tb/hello-world.yaml"), scripts.resolve("tb/hello-world.yaml"));
        Files.copy(REPO.resolve("experiments/scripts/swe/" + INSTANCE + ".yaml"), scripts.resolve("swe/" + INSTANCE + ".yaml"));
        Files.writeString(scripts.resolve("harbor/count-lines.yaml"), String.join("\n",
                "turns:",
                "  - tool_calls:",
                "      - name: bash",
                "        arguments: {command: \"wc -l < /app/data.txt | tr -d ' ' > /app/count.txt && cat /app/count.txt\"}",
                "  - tool_calls:",
                "      - name: submit",
                "        arguments: {summary: counted}",
                ""));
        return scripts;
    }

    static Path datasetFolder(Path cache) {
        return cache.resolve("datasets/agentic__swe-mini").resolve(REVISION);
    }

    static void holdsNoFile(Path folder) {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                assertThat(files.filter(Files::isRegularFile)).as("nothing kept in " + folder).isEmpty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** JSON Lines of the instance with a large extra field: a file larger than the small file system. */
    static byte[] padded(int bytes) throws IOException {
        ObjectNode instance = (ObjectNode) JSON.readTree(REPO.resolve("experiments/tasks/swe/" + INSTANCE + "/instance.json").toFile());
        instance.put("padding", "x".repeat(bytes));
        return (JSON.writeValueAsString(instance) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }


    static String git(Path dir, String... args) throws Exception {
        return exec(dir, Stream.concat(Stream.of("git"), Stream.of(args)).toList());
    }

    static String docker(String... args) throws Exception {
        return exec(REPO, Stream.concat(Stream.of("docker"), Stream.of(args)).toList());
    }

    static String exec(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
