package dev.backfillfleet.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.TransitioningStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code failed} groups failures by cause; {@code retry --failed} queues them again, optionally by error class. */
class TestFailedAndRetryCommands
{
    @TempDir
    Path home;

    @Test
    void failedGroupsOneCauseIntoOneLineWithItsDatesAsRanges()
    {
        KnownStates.januaryOfSynthetic(home).close();

        CoordinatorCli.Result failed = new CoordinatorCli(home).run("failed", "--table", "synthetic");

        assertThat(failed.exitCode()).isZero();
        assertThat(failed.out())
                .contains("4 failed dates in 2 groups by error:")
                .containsPattern("\\n\\s+3  synthetic  PERMANENT  +1  synthetic permanent failure on <date> \\(BACKFILL_SYNTHETIC_FAIL_DATES\\)\\n")
                .contains("dates: 2024-01-13..2024-01-15\n")
                // a group of one shows the message as recorded
                .containsPattern("\\n\\s+1  synthetic  TRANSIENT  +1  dead-lettered after 5 delivery attempts: timeout calling 'bq-job-1a2b3c4d'\\n")
                .contains("dates: 2024-01-16\n")
                .contains("coordinator retry --table synthetic --failed [--error-class PERMANENT|TRANSIENT]")
                .doesNotContain("\u001b[");
        assertThat(failed.out().indexOf("PERMANENT")).as("the largest group first").isLessThan(failed.out().indexOf("TRANSIENT"));
    }

    @Test
    void aSystematicBugWithVaryingDetailsIsOneGroup()
    {
        try (KnownStates states = KnownStates.in(home)) {
            for (int day = 1; day <= 9; day++) {
                LocalDate date = LocalDate.of(2024, 2, day * 2);
                states.failed(AnalyticsTable.TEAM_OFFENSE, date, ErrorClass.PERMANENT, String.format(
                        "team_offense_game_summary %s: expected %d rows, wrote %d (game '00223%05d', job bq-%08x)", date, 20 + day, 18 + day, day * 7, day * 99991));
            }
        }
        CoordinatorCli.Result failed = new CoordinatorCli(home).run("failed");
        assertThat(failed.out())
                .contains("9 failed dates in 1 group by error:")
                .contains("team_offense_game_summary <date>: expected <n> rows, wrote <n> (game '<value>', job bq-<id>)")
                .contains("dates: 2024-02-02, 2024-02-04, 2024-02-06, 2024-02-08, 2024-02-10, 2024-02-12, 2024-02-14, 2024-02-16, 2024-02-18");
    }

    @Test
    void failedJsonHasTheGroupsAndEveryFailure()
            throws Exception
    {
        KnownStates.januaryOfSynthetic(home).close();

        JsonNode document = new ObjectMapper().readTree(new CoordinatorCli(home).run("failed", "--json").out());

        JsonNode groups = document.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("table").asText()).isEqualTo("synthetic");
        assertThat(groups.get(0).get("errorClass").asText()).isEqualTo("PERMANENT");
        assertThat(groups.get(0).get("count").asInt()).isEqualTo(3);
        assertThat(groups.get(0).get("fingerprint").asText()).isEqualTo("synthetic permanent failure on <date> (BACKFILL_SYNTHETIC_FAIL_DATES)");
        assertThat(groups.get(0).get("example").asText()).isEqualTo("synthetic permanent failure on 2024-01-13 (BACKFILL_SYNTHETIC_FAIL_DATES)");
        assertThat(groups.get(0).get("dates")).extracting(JsonNode::asText).containsExactly("2024-01-13", "2024-01-14", "2024-01-15");
        assertThat(groups.get(0).get("dateRuns").asText()).isEqualTo("2024-01-13..2024-01-15");
        assertThat(groups.get(1).get("errorClass").asText()).isEqualTo("TRANSIENT");

        JsonNode failures = document.get("failed");
        assertThat(failures).hasSize(4);
        assertThat(failures).extracting(failure -> failure.get("date").asText()).containsExactly("2024-01-13", "2024-01-14", "2024-01-15", "2024-01-16");
        assertThat(failures.get(3).get("message").asText()).contains("bq-job-1a2b3c4d");
        assertThat(failures.get(3).get("attempts").asInt()).isEqualTo(1);
        assertThat(failures.get(3).get("runId").asText()).isEqualTo(KnownStates.RUN_ID);
    }

    @Test
    void failedWithEachListsEveryDateToo()
    {
        KnownStates.januaryOfSynthetic(home).close();
        CoordinatorCli.Result failed = new CoordinatorCli(home).run("failed", "--each");
        assertThat(failed.out()).containsPattern("synthetic +2024-01-14 +PERMANENT +1 +synthetic permanent failure on 2024-01-14");
    }

    @Test
    void noFailures()
    {
        assertThat(new CoordinatorCli(home).run("failed").out()).contains("No failed dates.");
    }

    @Test
    void retryByErrorClassQueuesOnlyThatClassAndRetryAllQueuesTheRest()
    {
        KnownStates.januaryOfSynthetic(home).close();
        CoordinatorCli cli = new CoordinatorCli(home);

        CoordinatorCli.Result transientOnly = cli.run("retry", "--table", "synthetic", "--failed", "--error-class", "transient");
        assertThat(transientOnly.exitCode()).as(transientOnly.err()).isZero();
        assertThat(transientOnly.out()).contains("queued 1 failed dates again").contains("synthetic: 2024-01-16");
        assertThat(state("2024-01-16")).isEqualTo(DateState.QUEUED);
        assertThat(state("2024-01-13")).isEqualTo(DateState.FAILED);

        assertThat(cli.run("retry", "--table", "synthetic", "--failed", "--error-class", "TRANSIENT").out()).contains("No FAILED dates of class TRANSIENT: nothing queued.");

        CoordinatorCli.Result rest = cli.run("retry", "--table", "synthetic", "--failed");
        assertThat(rest.out()).contains("queued 3 failed dates again").contains("synthetic: 2024-01-13..2024-01-15");
        assertThat(state("2024-01-13")).isEqualTo(DateState.QUEUED);
        assertThat(state("2024-01-01")).as("done dates stay done").isEqualTo(DateState.SUCCEEDED);
        assertThat(cli.run("failed").out()).contains("No failed dates.");
    }

    @Test
    void retryRejectsAnUnknownErrorClass()
    {
        CoordinatorCli.Result retry = new CoordinatorCli(home).run("retry", "--table", "synthetic", "--failed", "--error-class", "flaky");
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.err()).contains("unknown error class 'flaky': use TRANSIENT, PERMANENT or USER").doesNotContain("at dev.");
    }

    private DateState state(String date)
    {
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()))) {
            return store.get(new DateKey(AnalyticsTable.SYNTHETIC, LocalDate.parse(date))).map(DateRecord::state).orElse(DateState.PENDING);
        }
    }
}
