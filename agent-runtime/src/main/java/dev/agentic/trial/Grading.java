package dev.agentic.trial;

import dev.agentic.sandbox.Place;
import dev.agentic.sandbox.Sandbox;
import dev.agentic.sandbox.SandboxSpec;
import dev.agentic.task.Task;
import dev.agentic.verify.Grade;
import dev.agentic.verify.GraderGuard;
import dev.agentic.verify.Verifier;
import java.time.Duration;
import java.util.Set;

/**
 * How a trial is graded: what is taken before the agent starts (the grader guard's record of the
 * files the tests trust) and the grade after it stopped.
 */
public interface Grading {

    /** Called once the sandbox is up and before the agent acts; {@code pristine} is the spec it was started from. */
    Check before(Task task, SandboxSpec pristine, Sandbox sandbox);

    /** The grade of what the agent left, once it has stopped. */
    @FunctionalInterface
    interface Check {
        /** The grade; null when the trial is not graded. */
        Grade after(Sandbox sandbox);
    }

    /**
     * The task's own benchmark grades it (Terminal-Bench, Harbor, SWE-bench: package {@code verify}),
     * with its tests' timeout × {@code timeoutMultiplier}; fresh environments for the verifier start
     * at {@code place}. Tasks in {@code liveProcesses} are also tested beside the processes the agent left.
     * The grader's fingerprints of an environment are taken in the first trial of it and kept for the others.
     */
    static Grading benchmark(Place place, double timeoutMultiplier, Set<String> liveProcesses) {
        Set<String> beside = Set.copyOf(liveProcesses);
        // a container of one image, before any agent, is the same each time: its fingerprints are taken once
        java.util.Map<String, java.util.Optional<GraderGuard>> guards = new java.util.concurrent.ConcurrentHashMap<>();
        return (task, pristine, sandbox) -> {
            GraderGuard guard = guards.computeIfAbsent(task.id() + "\n" + sandbox.spec().image() + "\n" + sandbox.spec().workdir(),
                    key -> java.util.Optional.ofNullable(GraderGuard.of(task, sandbox, place.isolated()))).orElse(null);
            Duration tests = Duration.ofMillis((long) (task.testTimeout().toMillis() * timeoutMultiplier));
            return after -> Verifier.of(task, place::start, pristine, tests, beside.contains(task.id())).verify(after, guard);
        };
    }

    /** No grade: the agent runs and nothing checks what it did. */
    static Grading none() {
        return (task, pristine, sandbox) -> after -> null;
    }
}
