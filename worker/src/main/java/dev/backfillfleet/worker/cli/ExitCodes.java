package dev.backfillfleet.worker.cli;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** 0 success, 1 the job ran and something failed or falls short, 2 bad usage or input. */
public final class ExitCodes
{
    public static final int SUCCESS = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final String HELP_FOOTER = "%nExit codes: 0 success, 1 something failed or falls short, 2 bad usage or input.";

    private ExitCodes() {}

    /** Configures picocli: usage errors exit 2; user errors print one line (stack trace with --verbose). */
    public static CommandLine configure(CommandLine commandLine)
    {
        commandLine.setExitCodeExceptionMapper(failure -> FleetException.classify(failure) == ErrorClass.USER ? USAGE : FAILED);
        commandLine.setParameterExceptionHandler((exception, args) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("error: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            boolean verbose = parseResult.originalArgs().contains("--verbose") || parseResult.originalArgs().contains("-v");
            ErrorClass errorClass = FleetException.classify(exception);
            if (errorClass == ErrorClass.USER && !verbose) {
                err.println("error: " + exception.getMessage());
                return USAGE;
            }
            if (verbose) {
                exception.printStackTrace(err);
            }
            else {
                err.println("error: " + exception.getMessage() + " (run with --verbose for details)");
            }
            return errorClass == ErrorClass.USER ? USAGE : FAILED;
        });
        return commandLine;
    }
}
