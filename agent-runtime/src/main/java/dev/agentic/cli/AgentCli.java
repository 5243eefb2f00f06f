package dev.agentic.cli;

import dev.agentic.trajectory.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code agentx}: the agent from the command line. Everything it prints, logs included, has secrets redacted. */
@Command(name = "agentx", mixinStandardHelpOptions = true, versionProvider = AgentCli.Version.class,
        description = "A coding agent whose improvement is driven by measurement.",
        subcommands = {RunCommand.class, BenchCommand.class, FetchCommand.class, ValidateCommand.class, SummaryCommand.class, ReportCommand.class,
            CompareCommand.class, GateCommand.class, PromoteCommand.class, LineageCommand.class, CommandLine.HelpCommand.class})
public final class AgentCli {

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler(AgentCli::uncaught);
        System.setOut(Secrets.standard().redacting(System.out));
        System.setErr(Secrets.standard().redacting(System.err));
        int exitCode = commandLine().execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }

    /**
     * An exception that escapes a background thread is one line, never a stack trace; a removal that
     * races with another (a container already gone or going) is not an error at all.
     */
    private static void uncaught(Thread thread, Throwable error) {
        if (dev.agentic.sandbox.DockerSandbox.isRemovalRace(error)) {
            return;
        }
        System.err.println("agentx: " + thread.getName() + ": " // System.err redacts (see main)
                + (error.getMessage() == null ? error.getClass().getName() : error.getMessage().strip()));
    }

    @picocli.CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of an error (as AGENTX_DEBUG=1 does)")
    boolean debug;

    @picocli.CommandLine.Option(names = "--cache", scope = CommandLine.ScopeType.INHERIT, paramLabel = "<folder>",
            description = "where fetched tasks are kept (default: $AGENTX_CACHE, else $XDG_CACHE_HOME/agentic-experiments, else ~/.cache/agentic-experiments)")
    void cache(java.nio.file.Path folder) {
        System.setProperty(dev.agentic.fetch.TaskCache.PROPERTY, folder.toAbsolutePath().toString());
    }

    @picocli.CommandLine.Option(names = "--network", scope = CommandLine.ScopeType.INHERIT, paramLabel = "<network>",
            description = "the network task containers join: none (the default) or one the Docker engine has, e.g. bridge; published"
                    + " Terminal-Bench 2 tests install their runner from the network")
    void network(String network) {
        System.setProperty(dev.agentic.sandbox.ContainerNetwork.PROPERTY, network);
    }

    @picocli.CommandLine.Option(names = "--sandbox", scope = CommandLine.ScopeType.INHERIT, paramLabel = "<place>",
            description = "where trials run: docker (the local engine, the default), docker-pool (the engines of --engines) or"
                    + " local (host processes, NOT isolated: development only)")
    void sandbox(String place) {
        System.setProperty(dev.agentic.sandbox.Places.PROPERTY, dev.agentic.sandbox.Places.requireKnown(place.strip()));
    }

    @picocli.CommandLine.Option(names = "--engines", scope = CommandLine.ScopeType.INHERIT, paramLabel = "<file>",
            description = "the engines of --sandbox docker-pool: a YAML file 'engines: [{address: unix:///run/a.sock, concurrency: 2},"
                    + " {address: tcp://host:2376, concurrency: 4, tls: <folder of ca.pem, cert.pem, key.pem>}]'")
    void engines(java.nio.file.Path file) {
        System.setProperty(dev.agentic.sandbox.PlaceSettings.ENGINES_PROPERTY, file.toAbsolutePath().toString());
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AgentCli());
        cli.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> Failure.report(e, command.getErr(), Failure.debug(parsed)));
        return cli;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AgentCli.class.getPackage().getImplementationVersion();
            return new String[] {"agentx " + (version == null ? "(development build)" : version)};
        }
    }
}
