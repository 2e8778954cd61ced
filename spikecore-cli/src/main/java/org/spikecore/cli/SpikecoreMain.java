package org.spikecore.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.spikecore.Spikecore;
import org.spikecore.SpikecoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spikecore} command. Exit codes: 0 success, 1 an internal failure, 2 bad input
 * (unknown flag, bad value, malformed file) with a one-line message naming what is wrong.
 */
@Command(name = "spikecore", mixinStandardHelpOptions = true, versionProvider = SpikecoreMain.Version.class,
        description = "Simulate, train and cost spiking networks the way a digital neuromorphic chip computes them.",
        subcommands = {DemoCommand.class, CostCommand.class, BenchCommand.class, RunCommand.class, RerunCommand.class,
                SweepCommand.class, NsatCommand.class, NirCommand.class, CommandLine.HelpCommand.class})
public final class SpikecoreMain implements Runnable {

    /** Exit code for input the user can fix. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    /** The configured picocli command tree. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new SpikecoreMain());
        cmd.getSubcommands().get("run").getCommandSpec().usageMessage().footer(RunCommand.experimentsHelp());
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("spikecore: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName()
                    + " --help')");
            return EXIT_BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof SpikecoreException || cause instanceof IllegalArgumentException
                    || cause instanceof UncheckedIOException) {
                c.getErr().println("spikecore: " + firstLine(cause));
                return EXIT_BAD_INPUT;
            }
            throw ex;
        });
        return cmd;
    }

    /**
     * The message's first line: the one-line contract holds even for a library's message that
     * appends details on further lines (Jackson's {@code " at [Source: ...]"}).
     */
    static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the build's version and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spikecore " + Spikecore.version(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
