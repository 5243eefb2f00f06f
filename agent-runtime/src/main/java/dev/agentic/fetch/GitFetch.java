package dev.agentic.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Task folders of a git source, through the {@code git} command line: it honours the user's git
 * configuration (proxies, credential helpers, {@code url.<base>.insteadOf} mirrors) and fetches only what
 * a suite needs — the pinned commit alone ({@code --depth 1}), without file contents until a task folder is
 * checked out ({@code --filter=blob:none}, a partial clone), so that a suite of 37 tasks does not download a
 * repository of 89. A server that refuses either falls back to a plain fetch of its branches. The commit
 * is verified by id (git's object ids are content hashes); each task folder is checked out aside and
 * renamed into the cache, so an interrupted fetch leaves no half folder, and the object store it has
 * filled is reused by the next fetch.
 */
final class GitFetch {

    private static final long TIMEOUT_MINUTES = 30;
    /** Where fetched pins are recorded in an object store. */
    private static final String PINS = "refs/pins/";

    private final TaskCache cache;
    private final Consumer<String> progress;

    GitFetch(TaskCache cache, Consumer<String> progress) {
        this.cache = cache;
        this.progress = progress;
    }

    /** Brings {@code tasks} (all of {@code source}) into the cache. */
    void fetch(Source.Git source, List<PublishedTask> tasks) {
        List<PublishedTask> missing = tasks.stream().filter(t -> !cache.has(t)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Path store = cache.gitStore(source);
        prepare(store, source);
        if (!pinned(store, source.commit())) {
            progress.accept("git " + source.id() + ": fetching commit " + source.shortCommit() + " from " + source.url());
            Result shallow = git(store, null, "fetch", "--quiet", "--filter=blob:none", "--depth=1", "origin", source.commit());
            if (!shallow.ok() || !hasObject(store, source.commit() + "^{commit}")) {
                progress.accept("git " + source.id() + ": the server does not serve the commit alone (" + shallow.firstLine()
                        + "); fetching its branches and tags");
                Result full = git(store, null, "fetch", "--quiet", "--filter=blob:none", "origin", "+refs/heads/*:refs/remotes/origin/*",
                        "+refs/tags/*:refs/tags/*");
                if (!full.ok()) {
                    throw new FetchException("git source '" + source.id() + "': cannot fetch from " + source.url() + ": " + full.firstLine(), true);
                }
                if (!hasObject(store, source.commit() + "^{commit}")) {
                    throw new FetchException("git source '" + source.id() + "': commit " + source.commit() + " is not in " + source.url()
                            + " (neither served alone nor on a branch or tag); check the commit in the manifest, or the mirror (--source "
                            + source.id() + "=<url>)", false);
                }
            }
        }
        git(store, null, "update-ref", PINS + source.commit(), source.commit()).require("record the pinned commit in " + store);
        int done = 0;
        for (PublishedTask task : missing) {
            checkout(store, source, task);
            done++;
            progress.accept("git " + source.id() + ": " + task.path() + " checked out (" + done + " of " + missing.size() + ")");
        }
    }

    private void prepare(Path store, Source.Git source) {
        if (!Files.isDirectory(store)) {
            Path aside = store.resolveSibling(store.getFileName() + ".init-" + ProcessHandle.current().pid());
            try {
                Files.createDirectories(store.getParent());
                run(null, List.of("git", "init", "--quiet", "--bare", "--template=", aside.toString()), "create the object store " + store);
                git(aside, null, "config", "remote.origin.url", source.url()).require("configure " + aside);
                git(aside, null, "config", "remote.origin.promisor", "true").require("configure " + aside);
                git(aside, null, "config", "remote.origin.partialclonefilter", "blob:none").require("configure " + aside);
                git(aside, null, "config", "extensions.partialClone", "origin").require("configure " + aside);
                Files.move(aside, store, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new FetchException("cannot create the git object store " + store + ": " + e.getMessage(), true, e);
            } finally {
                try {
                    Disk.delete(aside);
                } catch (IOException ignored) {
                    // a leftover aside store is never read
                }
            }
        }
        git(store, null, "config", "remote.origin.url", source.url()).require("configure " + store);
    }

    /**
     * Whether a fetch brought {@code commit} into the store: recorded as a ref, which is looked up without asking
     * the remote (asking for a missing object in a partial clone would fetch it, and its whole history, lazily).
     */
    private static boolean pinned(Path store, String commit) {
        return git(store, null, "show-ref", "--verify", "--quiet", PINS + commit).ok();
    }

    /** Whether the store holds an object (after a fetch: a lazy fetch here only completes what the fetch began). */
    private static boolean hasObject(Path store, String object) {
        return git(store, null, "cat-file", "-e", object).ok();
    }

    private void checkout(Path store, Source.Git source, PublishedTask task) {
        Result entry = git(store, null, "ls-tree", source.commit(), "--", task.path());
        if (!entry.ok() || !entry.output().lines().anyMatch(l -> l.startsWith("040000 tree ") && l.endsWith("\t" + task.path()))) {
            throw new FetchException(task.at() + ": task '" + task.name() + "': there is no folder '" + task.path() + "' at commit "
                    + source.shortCommit() + " of " + source.url() + " (source '" + source.id() + "')", false);
        }
        Path target = cache.taskFolder(source, task.path());
        Path aside = target.resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        Path index = aside.resolveSibling(aside.getFileName() + ".index");
        try {
            Disk.clearAside(target);
            Files.createDirectories(aside);
            // files exactly as committed, whatever the user's git configuration says about line ends or filters
            Result read = git(store, index, "-c", "core.autocrlf=false", "-c", "core.eol=lf", "-c", "core.symlinks=true",
                    "-c", "filter.lfs.smudge=", "-c", "filter.lfs.process=", "-c", "filter.lfs.required=false",
                    "--work-tree=" + aside, "read-tree", "-u", "--reset", source.commit() + ":" + task.path());
            if (read.diskFull()) {
                throw new FetchException("disk full while checking out " + task.path() + " into " + target.getParent() + " (" + Disk.free(target)
                        + "); nothing of it was kept: free some space or choose another cache (--cache <folder> or AGENTX_CACHE), then fetch again", true);
            }
            if (!read.ok()) {
                throw new FetchException("git source '" + source.id() + "': cannot check out " + task.path() + " at " + source.shortCommit()
                        + " from " + source.url() + ": " + read.firstLine() + "; nothing of it was kept, run the fetch again", true);
            }
            Files.deleteIfExists(index);
            try {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                } // a fetch running beside this one put the same folder there first: the same commit, the same content
            }
        } catch (IOException e) {
            throw new FetchException("cannot write task folder " + target + ": " + e.getMessage() + "; nothing of it was kept", true, e);
        } finally {
            try {
                Files.deleteIfExists(index);
                if (Files.exists(aside)) {
                    Disk.delete(aside);
                }
            } catch (IOException ignored) {
                // a leftover aside folder is never read (hidden name) and is replaced by the next attempt
            }
        }
    }

    /** The outcome of one git command. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        String firstLine() {
            return output.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b.startsWith("fatal") ? b : a)
                    .orElse("exit code " + exitCode);
        }

        void require(String what) {
            if (!ok()) {
                throw new FetchException("git: cannot " + what + ": " + firstLine(), true);
            }
        }

        /** Whether git stopped because the disk (or a quota) is full. */
        boolean diskFull() {
            return output.contains("No space left on device") || output.contains("Disk quota exceeded");
        }
    }

    private static Result git(Path gitDir, Path index, String... args) {
        // a transfer slower than 1 kB/s for a minute is a stalled one: git stops it, the fetch says so
        List<String> command = new ArrayList<>(List.of("git", "-c", "http.lowSpeedLimit=1000", "-c", "http.lowSpeedTime=60", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        return run(index, command, null);
    }

    private static Result run(Path index, List<String> command, String require) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().keySet().removeIf(k -> k.startsWith("GIT_TRACE") || k.equals("GIT_DIR") || k.equals("GIT_WORK_TREE"));
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        if (index != null) {
            builder.environment().put("GIT_INDEX_FILE", index.toString());
        }
        try {
            Process process = builder.start();
            java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (InputStream in = process.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new FetchException("git did not finish within " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", command), true);
            }
            Result result = new Result(process.exitValue(), output.join());
            if (!result.ok() && result.diskFull()) {
                throw new FetchException("disk full while running " + String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " (" + Disk.free(Path.of(command.get(command.size() - 1)).isAbsolute() ? Path.of(command.get(command.size() - 1)) : Path.of("."))
                        + "): " + result.firstLine() + "; nothing of it was kept: free some space or choose another cache (--cache <folder> or AGENTX_CACHE),"
                        + " then fetch again", true);
            }
            if (require != null) {
                result.require(require);
            }
            return result;
        } catch (IOException e) {
            throw new FetchException("cannot run git (" + e.getMessage() + "); git sources need the git command line on the PATH", false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while running git", true, e);
        }
    }
}
