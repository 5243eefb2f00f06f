package dev.agentic.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code agentx}: the agent from the command line. */
@Command(name = "agentx", mixinStandardHelpOptions = true, versionProvider = AgentCli.Version.class,
        description = "A coding agent whose improvement is driven by measurement.",
        subcommands = {RunCommand.class, BenchCommand.class, ValidateCommand.class, SummaryCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class AgentCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @picocli.CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of an error (as AGENTX_DEBUG=1 does)")
    boolean debug;

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
