package dev.clusterplanner.cli;

import dev.clusterplanner.core.model.InputRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The command line. Commands are thin: they parse options, call an application service and print.
 * Exit codes: 0 success, 1 input rejected (file, line, field named), 2 usage error,
 * 3 findings of severity warning or worse (probe).
 *
 * <p>Shell conventions: {@code --quiet} (every command) keeps standard output empty unless an output option
 * asks for standard output with {@code -}; problems still go to standard error and the exit code tells the
 * result. Help is coloured only on a terminal, and never when {@code NO_COLOR} is set.
 */
@Command(name = "cluster-planner",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Plan, cost and validate Incus clusters. With no sub-command the desktop app opens.",
        subcommands = {
                CheckCommand.class,
                SimulateCommand.class,
                PlanCommand.class,
                CatalogCommand.class,
                ProbeCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Cli implements Runnable {

    public static final int OK = 0;
    public static final int INPUT_REJECTED = 1;
    public static final int USAGE = 2;
    public static final int FINDINGS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "print nothing on standard output (except what an option sends there with '-'); "
                    + "problems still go to standard error, the exit code tells the result")
    boolean quiet;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing sub-command");
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and the launcher). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = create();
        boolean colours = cl.getColorScheme().ansi().enabled(); // the help's own colours pass on a terminal
        PrintWriter safeOut = new PrintWriter(new TerminalSafeWriter(out, colours), true);
        PrintWriter safeErr = new PrintWriter(new TerminalSafeWriter(err, colours), true);
        cl.setOut(safeOut);
        cl.setErr(safeErr);
        int code = cl.execute(args);
        safeOut.flush();
        safeErr.flush();
        return code;
    }

    public static CommandLine create() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(System.getenv())));
        cl.setExecutionStrategy(parseResult -> {
            silenceIfQuiet(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputRejectedException rejected) {
                err.println("Rejected: nothing was loaded.");
                rejected.problems().forEach(p -> err.println("  " + p.describe()));
                return INPUT_REJECTED;
            }
            if (ex instanceof java.nio.file.NoSuchFileException nf) {
                err.println(nf.getFile() + ": no such file");
                return INPUT_REJECTED;
            }
            if (ex instanceof java.nio.file.InvalidPathException ip) {
                err.println("'" + ip.getInput() + "' is not a usable file name: " + ip.getReason());
                return USAGE;
            }
            if (ex instanceof java.io.IOException io) {
                err.println("Error: " + io.getMessage());
                return INPUT_REJECTED;
            }
            err.println("Internal error: " + ex);
            return INPUT_REJECTED;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            err.println("Usage: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return USAGE;
        });
        return cl;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"Cluster Planner " + (v == null ? "development build" : v)};
        }
    }

    /** Colour on a terminal (picocli's AUTO), off when {@code NO_COLOR} is set to anything but "" (no-color.org). */
    static CommandLine.Help.Ansi ansi(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO;
    }

    /** With --quiet the command's standard output goes nowhere, unless an option sends data there with '-'. */
    static void silenceIfQuiet(CommandLine.ParseResult parseResult) {
        boolean quiet = false;
        CommandLine.ParseResult leaf = parseResult;
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            quiet |= p.hasMatchedOption("--quiet");
            leaf = p;
        }
        boolean dataToStandardOutput = leaf.matchedOptions().stream()
                .anyMatch(o -> "-".equals(String.valueOf((Object) o.getValue())));
        if (quiet && !dataToStandardOutput) {
            leaf.commandSpec().commandLine().setOut(new PrintWriter(Writer.nullWriter()));
        }
    }
}
