package dev.backfillfleet.coordinator;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.backfillfleet.cli.ExitCodes;

/** Runs coordinator verbs in this JVM against one home directory, capturing what they print. */
final class CoordinatorCli
{
    private final Path home;
    private final List<String> settings = new ArrayList<>();

    CoordinatorCli(Path home)
    {
        this.home = home;
    }

    CoordinatorCli set(String key, String value)
    {
        settings.add("--set");
        settings.add(key + "=" + value);
        return this;
    }

    Result run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ExitCodes.configure(new CommandLine(new CoordinatorMain()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && !args[0].startsWith("-")) {
            all.add("--home");
            all.add(home.toString());
            all.addAll(settings);
        }
        int exitCode = commandLine.execute(all.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {}
}
