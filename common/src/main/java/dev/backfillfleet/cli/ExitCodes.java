package dev.backfillfleet.cli;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * 0 success, 1 the job ran and something failed or falls short, 2 bad usage or input, 3 the
 * environment is wrong (a missing resource, index, permission or credentials): nothing was
 * marked failed, fix what the one line names and run again.
 */
public final class ExitCodes
{
    public static final int SUCCESS = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;
    public static final String HELP_FOOTER = "%nExit codes: 0 success, 1 something failed or falls short, 2 bad usage or input,"
            + "%n3 the environment is wrong (a missing resource, index, permission or credentials; nothing was marked failed).";

    private ExitCodes() {}

    /** Configures picocli: usage errors exit 2; user errors print one line (stack trace with --verbose). */
    public static CommandLine configure(CommandLine commandLine)
    {
        commandLine.setExitCodeExceptionMapper(failure -> forClass(FleetException.classify(failure)));
        commandLine.setParameterExceptionHandler((exception, args) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println(usageError(exception));
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            boolean verbose = parseResult.originalArgs().contains("--verbose") || parseResult.originalArgs().contains("-v");
            ErrorClass errorClass = FleetException.classify(exception);
            if (verbose) {
                exception.printStackTrace(err);
            }
            else if (errorClass == ErrorClass.USER || errorClass == ErrorClass.ENVIRONMENT) {
                err.println("error: " + messageOf(exception));
            }
            else {
                err.println("error: " + firstLine(innermostMessage(exception)) + " (run with --verbose for details)");
            }
            return forClass(errorClass);
        });
        return commandLine;
    }

    /**
     * One line: what is wrong with the command line, the closest names to a misspelt command or
     * option, and where the usage is ({@code --help}).
     */
    static String usageError(CommandLine.ParameterException exception)
    {
        CommandLine command = exception.getCommandLine();
        String message = exception.getMessage();
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            List<String> suggestions = unmatched.getSuggestions();
            String closest = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
            if (!command.getSubcommands().isEmpty() && !first.startsWith("-")) {
                message = "unknown command '" + first + "'" + closest + " The commands: " + String.join(", ", command.getSubcommands().keySet());
            }
            else {
                message = message + closest;
            }
        }
        return "error: " + firstLine(message) + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
    }

    /** The message of the failure itself, under the wrappers (Guice's provisioning errors run to hundreds of lines). */
    static String innermostMessage(Throwable failure)
    {
        Throwable shown = failure;
        while ((shown instanceof ProvisionException || shown instanceof CreationException || shown instanceof ExecutionException
                || shown instanceof CompletionException) && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }

    private static String firstLine(String message)
    {
        return message.lines().findFirst().orElse(message);
    }

    /** The exit code a failure of this class ends a command with. */
    public static int forClass(ErrorClass errorClass)
    {
        return switch (errorClass) {
            case USER -> USAGE;
            case ENVIRONMENT -> ENVIRONMENT;
            case TRANSIENT, PERMANENT -> FAILED;
        };
    }

    /** The message of our own exception in the chain (wrappers such as Guice's say less). */
    public static String messageOf(Throwable failure)
    {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof FleetException) {
                return current.getMessage();
            }
        }
        return failure.getMessage();
    }
}
