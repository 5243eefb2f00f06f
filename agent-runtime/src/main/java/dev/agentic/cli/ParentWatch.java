package dev.agentic.cli;

import java.util.function.Consumer;

/**
 * Stops this process, as Ctrl-C would (shutdown hooks run: in-flight trials abandoned, containers
 * removed), when the process that started it ends, even by {@code kill -9}: a bench started by
 * Maven must not outlive it and write the run beside the next one.
 */
final class ParentWatch {

    private static final long INTERVAL_MS = 500;

    private ParentWatch() {}

    static void stopWhenGone(long pid, Consumer<String> log) {
        ProcessHandle watched = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
        if (watched == null) {
            log.accept("the process " + pid + " that started this run has already ended: stopping");
            System.exit(143);
        }
        var started = watched.info().startInstant();
        Thread watch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                boolean gone = !watched.isAlive()
                        || !ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).equals(started); // a reused pid is another process
                if (gone) {
                    log.accept("the process " + pid + " that started this run ended: stopping");
                    System.exit(143);
                }
            }
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
