package dev.backfillfleet.coordinator;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;


/**
 * Runs coordinator verbs in this JVM against one home directory, capturing what they print: the
 * coordinator's own verbs, or those of an assembly (the standalone one adds {@code run}).
 */
public final class CoordinatorCli
{
    private final Path home;
    private final Supplier<CommandLine> verbs;
    private final List<String> settings = new ArrayList<>();

    public CoordinatorCli(Path home)
    {
        this(home, CoordinatorMain::commandLine);
    }

    public CoordinatorCli(Path home, Supplier<CommandLine> verbs)
    {
        this.home = home;
        this.verbs = verbs;
    }

    public CoordinatorCli set(String key, String value)
    {
        settings.add("--set");
        settings.add(key + "=" + value);
        return this;
    }

    public Result run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = verbs.get();
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

    public record Result(int exitCode, String out, String err) {}
}
