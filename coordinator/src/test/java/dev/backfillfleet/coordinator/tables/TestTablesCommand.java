package dev.backfillfleet.coordinator.tables;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.coordinator.HomeFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `coordinator tables`, `tables apply` and `tables show` on the embedded default, in this JVM. */
class TestTablesCommand
{
    private static final String GOOD = """
            tables:
              weekly_assists:
                short_name: assists_week
                columns:
                  game_date: DATE REQUIRED
                  team_abbr: STRING REQUIRED
                  assists: INT64
                depends_on:
                  team_offense: [-6, 0]
                sql: |
                  SELECT @date AS game_date, team_abbr, SUM(assists) AS assists FROM {{team_offense}}
                  WHERE game_date BETWEEN date(@date, '-6 days') AND @date GROUP BY team_abbr
              calendar:
                columns: {game_date: DATE REQUIRED, weekday: STRING}
                command: [python3, calendar.py, "{date}"]
            """;

    @TempDir
    Path home;
    @TempDir
    Path files;
    private CoordinatorCli cli;

    @BeforeEach
    void cli()
    {
        cli = new CoordinatorCli(home).set("backfill.demo-data", "false");
    }

    @Test
    void appliesAFileListsItsTablesAndShowsADefinitionAsRecorded()
            throws IOException
    {
        CoordinatorCli.Result dryRun = cli.run("tables", "apply", file("tables.yaml", GOOD), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("catalog version 0 -> 1", "weekly_assists", "added (sql), version 1", "calendar", "added (command), version 1",
                "Dry run: nothing is written.");
        assertThat(cli.run("tables").out()).contains("Table catalog version 0: 6 built-in tables, 0 of yours.");

        CoordinatorCli.Result applied = cli.run("tables", "apply", file("tables.yaml", GOOD));
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("Recorded catalog version 1.");
        String listed = cli.run("tables").out();
        assertThat(listed).contains("Table catalog version 1: 6 built-in tables, 2 of yours.")
                .containsPattern("weekly_assists +assists_week +sql +1 +nba_analytics +team_offense_game_summary \\[-6, 0\\]")
                .containsPattern("team_offense_game_summary +team_offense +built-in +0 +nba_analytics +-");
        CoordinatorCli.Result shown = cli.run("tables", "show", "assists_week");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).startsWith("# applied, version 1 of catalog version 1\ntables:\n  weekly_assists:\n    short_name: assists_week\n")
                .contains("      team_offense_game_summary: [-6, 0]", "{{team_offense}}");

        CoordinatorCli.Result again = cli.run("tables", "apply", file("tables.yaml", GOOD));
        assertThat(again.out()).contains("unchanged, version 1", "Nothing to apply: catalog version 1 already holds these definitions.");
        CoordinatorCli.Result removed = cli.run("tables", "apply", file("tables.yaml", GOOD.substring(0, GOOD.indexOf("  calendar:"))));
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).contains("calendar", "removed: no longer in the file");
        assertThat(cli.run("tables", "--json").out()).contains("\"version\" : 2").doesNotContain("\"name\" : \"calendar\"");
    }

    @Test
    void aBadFileIsRefusedInOneLineNamingFileLineAndKeyAndChangesNothing()
            throws IOException
    {
        cli.run("tables", "apply", file("first.yaml", GOOD));
        Map<String, Map<String, String>> cases = Map.of(
                "unknown key", Map.of(GOOD.replace("    short_name: assists_week", "    shortname: assists_week"),
                        ":3: tables.weekly_assists.shortname: unknown key 'shortname'"),
                "unknown type", Map.of(GOOD.replace("assists: INT64\n", "assists: INTEGER\n"),
                        ":7: tables.weekly_assists.columns.assists: unknown type 'INTEGER'"),
                "a cycle", Map.of(GOOD.replace("command: [python3", "depends_on: {weekly_assists: [-1, -1]}\n    command: [python3")
                                .replace("team_offense: [-6, 0]", "team_offense: [-6, 0]\n      calendar: [0, 0]"),
                        "the tables depend on each other in a cycle"),
                "an unknown upstream", Map.of(GOOD.replace("team_offense: [-6, 0]", "team_ofense: [-6, 0]"),
                        ":9: tables.weekly_assists.depends_on.team_ofense: unknown upstream 'team_ofense'"),
                "both sql and command", Map.of(GOOD.replace("    command: [python3", "    sql: SELECT 1\n    command: [python3"),
                        "tables.calendar.command: a table has exactly one of sql and command, not both"),
                "SQL that does not compile", Map.of(GOOD.replace("SUM(assists) AS assists FROM", "SUM(assists) AS assists FORM"),
                        ":10: tables.weekly_assists.sql: the SQL does not compile on the embedded warehouse"),
                "SQL that returns other columns", Map.of(GOOD.replace("SUM(assists) AS assists", "SUM(assists) AS total_assists"),
                        ":10: tables.weekly_assists.sql: returns no column 'assists'"));
        Map<String, String> before = HomeFiles.snapshot(home);
        cases.forEach((what, bad) -> bad.forEach((yaml, expected) -> {
            CoordinatorCli.Result refused;
            try {
                refused = cli.run("tables", "apply", file("bad.yaml", yaml));
            }
            catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(refused.exitCode()).as(what + ": " + refused.out() + refused.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.err().strip()).as(what).startsWith("error: " + files.resolve("bad.yaml") + ":").contains(expected).doesNotContain("\n");
            assertThat(HomeFiles.snapshot(home)).as(what + ": the home is as it was").isEqualTo(before);
        }));
        assertThat(cli.run("tables").out()).contains("Table catalog version 1:");
    }

    @Test
    void aFileThatCannotBeReadOrAnUnknownTableIsAUsageError()
    {
        CoordinatorCli.Result missing = cli.run("tables", "apply", files.resolve("missing.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read " + files.resolve("missing.yaml"));
        CoordinatorCli.Result unknown = cli.run("tables", "show", "no_such_table");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown table 'no_such_table'");
    }

    private String file(String name, String text)
            throws IOException
    {
        Path file = files.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }
}
