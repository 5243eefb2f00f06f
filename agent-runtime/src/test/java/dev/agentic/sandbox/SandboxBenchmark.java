package dev.agentic.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compares DockerSandbox with the docker CLI doing the same work, measured in one run and printed
 * as ratios (sandbox time / CLI time; below 1 means the sandbox is faster):
 * <ul>
 *   <li>lifecycle: start a container, run {@code true} in it, remove it &mdash; against
 *       {@code docker run --rm --network none IMAGE true}, and against the same with the sandbox's
 *       own settings ({@code --init} and the spec's CPU, memory and process limits), and against the
 *       sandbox's steps with the CLI ({@code docker run -d} with those settings and {@code sleep infinity},
 *       {@code docker exec ID true}, {@code docker rm -f ID}): the same work;</li>
 *   <li>exec: one command round trip in a running container &mdash; against {@code docker exec ID true}.</li>
 * </ul>
 * Run with {@code ./mvnw -q -pl agent-runtime test-compile exec:exec@sandbox-benchmark}.
 * Arguments: {@code [lifecycles] [execs]} (default 10 and 50).
 */
public final class SandboxBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        int lifecycles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int execs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String image = System.getProperty("agentic.baseImage", SandboxSpec.BASE_IMAGE);
        SandboxSpec spec = SandboxSpec.of(image);

        // Warm up both paths once (class loading, Docker client, image layers in the page cache).
        lifecycleWithSandbox(spec);
        cli("docker", "run", "--rm", "--network", "none", image, "true");

        List<String> plain = List.of("docker", "run", "--rm", "--network", "none", image, "true");
        ResourceLimits limits = spec.limits();
        List<String> same = List.of("docker", "run", "--rm", "--network", "none", "--init", "--cpus", String.valueOf(limits.cpus()),
                "--memory", String.valueOf(limits.memoryBytes()), "--memory-swap", String.valueOf(limits.memoryBytes()),
                "--pids-limit", String.valueOf(limits.pids()), image, "true");
        lifecycleWithCli(same);
        List<Long> sandboxLife = new ArrayList<>();
        List<Long> cliLife = new ArrayList<>();
        List<Long> sameLife = new ArrayList<>();
        List<Long> stepsLife = new ArrayList<>();
        for (int i = 0; i < lifecycles; i++) { // interleaved, so drift affects every side alike
            sandboxLife.add(lifecycleWithSandbox(spec));
            cliLife.add(lifecycleWithCli(plain));
            sameLife.add(lifecycleWithCli(same));
            stepsLife.add(time(() -> {
                List<String> run = new ArrayList<>(same.subList(0, same.size() - 2));
                run.set(2, "-d");
                run.addAll(List.of("--entrypoint", "/bin/sleep", image, "infinity"));
                String id = cli(run.toArray(String[]::new)).strip();
                cli("docker", "exec", id, "true");
                cli("docker", "rm", "-f", id);
            }));
        }

        List<Long> sandboxExec = new ArrayList<>();
        List<Long> cliExec = new ArrayList<>();
        try (DockerSandbox sandbox = DockerSandbox.start(spec)) {
            sandbox.exec("true", TIMEOUT);
            cli("docker", "exec", sandbox.containerId(), "true");
            for (int i = 0; i < execs; i++) {
                sandboxExec.add(time(() -> sandbox.exec("true", TIMEOUT)));
                cliExec.add(time(() -> cli("docker", "exec", sandbox.containerId(), "true")));
            }
        }

        System.out.printf(Locale.ROOT, "image %s, %d lifecycles, %d execs, medians%n", image, lifecycles, execs);
        report("create -> first exec -> remove", sandboxLife, cliLife, "docker run --rm --network none IMAGE true");
        report("the same", sandboxLife, sameLife, "the same with --init and the limits");
        report("the same", sandboxLife, stepsLife, "docker run -d …, docker exec, docker rm -f");
        report("exec round trip", sandboxExec, cliExec, "docker exec ID true");
    }

    private static long lifecycleWithSandbox(SandboxSpec spec) {
        return time(() -> {
            try (DockerSandbox sandbox = DockerSandbox.start(spec)) {
                ExecResult result = sandbox.exec("true", TIMEOUT);
                if (!result.succeeded()) {
                    throw new IllegalStateException("'true' failed in the sandbox: " + result);
                }
            }
        });
    }

    private static long lifecycleWithCli(List<String> command) {
        return time(() -> cli(command.toArray(String[]::new)));
    }

    private static String cli(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void report(String what, List<Long> sandbox, List<Long> cli, String baseline) {
        double ours = median(sandbox) / 1e6;
        double theirs = median(cli) / 1e6;
        System.out.printf(Locale.ROOT, "%-32s sandbox %8.1f ms   %-42s %8.1f ms   ratio %.2f%n",
                what, ours, baseline, theirs, ours / theirs);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
