package dev.backfillfleet.coordinator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors a person can act on: what is wrong, where to fix it, no stack trace unless asked for. */
class TestOperatorErrors
{
    @TempDir
    Path home;

    @Test
    void unknownTableSuggestsTheClosestOnes()
    {
        for (String verb : new String[] {"status", "watch", "failed"}) {
            CoordinatorCli.Result result = new CoordinatorCli(home).run(verb, "--table", "team_ofense", "--once");
            if (!verb.equals("watch")) {
                result = new CoordinatorCli(home).run(verb, "--table", "team_ofense");
            }
            assertThat(result.exitCode()).as(verb).isEqualTo(2);
            assertThat(result.err()).as(verb)
                    .contains("unknown table 'team_ofense'. Did you mean team_offense")
                    .contains("Known tables:")
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
        CoordinatorCli.Result report = new CoordinatorCli(home).run("report", "--table", "upcoming_palyer", "--range", "2024-01-01..2024-01-02", "--out", home.resolve("r.html").toString());
        assertThat(report.err()).contains("Did you mean upcoming_player");
    }

    @Test
    void malformedDateSaysWhichPartIsWrong()
    {
        CoordinatorCli cli = new CoordinatorCli(home);
        assertThat(cli.run("watch", "--range", "2024-01-01..2024-02-30", "--once").err()).contains("range end '2024-02-30': day 30 does not exist in 2024-02");
        assertThat(cli.run("status", "--range", "2024-1-01..2024-02-03").err()).contains("range start '2024-1-01' is not a date: expected YYYY-MM-DD");
        assertThat(cli.run("failed", "--range", "2024-01-0x..2024-02-03").err()).contains("day '0x' is not a number");
        CoordinatorCli.Result report = cli.run("report", "--range", "2024-13-01..2024-12-31", "--out", home.resolve("r.html").toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("month 13 is not between 01 and 12");
    }

    @Test
    void missingConfigurationNamesTheKeyAndWhereToSetIt()
    {
        CoordinatorCli.Result result = new CoordinatorCli(home).run("status", "--backend", "gcp");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("invalid configuration")
                .contains("backfill.gcp-project")
                .contains("is required when a Google Cloud adapter is selected")
                .contains("backfill.properties")
                .contains("BACKFILL_GCP_PROJECT")
                .doesNotContain("\tat ");
    }

    @Test
    void verboseShowsTheStackTrace()
    {
        CoordinatorCli.Result result = new CoordinatorCli(home).run("status", "--backend", "gcp", "--verbose");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("backfill.gcp-project").contains("\tat dev.backfillfleet.");
    }

    @Test
    void everyHelpDocumentsTheExitCodes()
    {
        CommandLine coordinator = CoordinatorMain.commandLine();
        assertThat(help(coordinator)).contains("Exit codes: 0 success, 1 something failed or falls short, 2 bad usage or input,").contains("3 the environment is wrong");
        coordinator.getSubcommands().forEach((name, command) ->
                assertThat(help(command)).as("%s --help", name).contains("Exit codes: 0 success, 1 something failed or falls short, 2 bad usage or input,").contains("3 the environment is wrong"));
        assertThat(coordinator.getSubcommands()).containsKeys("watch", "report", "status", "failed", "retry");
    }

    private static String help(CommandLine command)
    {
        StringWriter text = new StringWriter();
        command.usage(new PrintWriter(text));
        return text.toString();
    }
}
