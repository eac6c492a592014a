package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.TransitioningStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestCoordinatorCommands
{
    private static final DateRange RANGE = DateRange.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-02-29"));

    @TempDir
    Path home;

    @Test
    void runFinishesEveryDateAndASecondRunProcessesNothing()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "2");
        CoordinatorCli.Result first = cli.run("run", "--table", "synthetic", "--range", RANGE.toString(), "--workers", "8");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Summary: 60 dates").contains("60 SUCCEEDED")
                .as("the same lines as watch prints to a log")
                .contains(" synthetic [##############################] 100% | done 60 (no games 0), failed 0, cancelled 0, running 0, queued 0, pending 0 of 60");

        CoordinatorCli.Result second = cli.run("run", "--table", "synthetic", "--range", RANGE.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("0 dates to process (60 already done, 0 resumed)");
        assertThat(records()).hasSize(60).allSatisfy(record -> {
            assertThat(record.state()).isEqualTo(DateState.SUCCEEDED);
            assertThat(record.attempts()).isEqualTo(1);
            assertThat(record.rowsWritten()).contains(1L);
        });
    }

    @Test
    void failedDatesExitOneAreListedAndRetried()
            throws Exception
    {
        CoordinatorCli failing = StandaloneCli.at(home)
                .set("backfill.synthetic-latency-ms", "1")
                .set("backfill.synthetic-fail-dates", "2024-01-05,2024-02-10");
        CoordinatorCli.Result run = failing.run("run", "--table", "synthetic", "--range", RANGE.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("58 SUCCEEDED").contains("2 FAILED").contains("2024-01-05").contains("2024-02-10");

        CoordinatorCli.Result failed = failing.run("failed", "--table", "synthetic", "--json");
        JsonNode entries = new ObjectMapper().readTree(failed.out()).get("failed");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("errorClass").asText()).isEqualTo("PERMANENT");
        assertThat(entries.get(0).get("message").asText()).contains("synthetic permanent failure");

        CoordinatorCli fixed = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "1");
        assertThat(fixed.run("retry", "--table", "synthetic", "--failed").out()).contains("queued 2 failed dates again");
        CoordinatorCli.Result rerun = fixed.run("run", "--table", "synthetic", "--range", RANGE.toString());
        assertThat(rerun.exitCode()).as(rerun.out()).isZero();
        assertThat(records()).allSatisfy(record -> assertThat(record.state()).isEqualTo(DateState.SUCCEEDED));
    }

    @Test
    void statusJsonCountsAddUpToTheDatesAskedFor()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "1");
        cli.run("enqueue", "--table", "synthetic", "--range", "2024-01-01..2024-01-20");
        CoordinatorCli.Result status = cli.run("status", "--table", "synthetic", "--range", RANGE.toString(), "--json");
        JsonNode states = new ObjectMapper().readTree(status.out()).get("tables").get("synthetic");
        long total = 0;
        for (DateState state : DateState.values()) {
            total += states.get(state.name()).asLong();
        }
        assertThat(total).isEqualTo(RANGE.size());
        assertThat(states.get("QUEUED").asLong()).isEqualTo(20);
        assertThat(states.get("PENDING").asLong()).isEqualTo(40);
    }

    @Test
    void dryRunChangesNothingInTheHomeDirectory()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "1");
        CoordinatorCli.Result fresh = cli.run("enqueue", "--table", "synthetic", "--range", RANGE.toString(), "--dry-run");
        assertThat(fresh.exitCode()).isZero();
        assertThat(fresh.out()).contains("would queue 60 dates");
        assertThat(Files.list(home).count()).as("a dry run on a fresh home creates nothing").isZero();

        cli.run("run", "--table", "synthetic", "--range", "2024-01-01..2024-01-10");
        Map<String, String> before = digests();
        CoordinatorCli.Result dryRun = cli.run("enqueue", "--table", "synthetic", "--range", RANGE.toString(), "--dry-run");
        assertThat(dryRun.out()).contains("would queue 50 dates; skipped: 10 done");
        assertThat(digests()).isEqualTo(before);
    }

    @Test
    void badInputExitsTwoWithAMessageAndNoStackTrace()
    {
        CoordinatorCli cli = StandaloneCli.at(home);
        CoordinatorCli.Result unknownTable = cli.run("enqueue", "--table", "team_ofense", "--range", RANGE.toString());
        assertThat(unknownTable.exitCode()).isEqualTo(2);
        assertThat(unknownTable.err()).contains("unknown table 'team_ofense'").contains("team_offense").doesNotContain("at dev.");

        CoordinatorCli.Result badDate = cli.run("enqueue", "--table", "synthetic", "--range", "2024-13-01..2024-12-31");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("month 13");

        assertThat(cli.run("enqueue", "--table", "synthetic").exitCode()).isEqualTo(2);
        assertThat(cli.run("no-such-verb").exitCode()).isEqualTo(2);
        assertThat(cli.run("run", "--table", "synthetic", "--range", RANGE.toString(), "--set", "backfill.lease-seconds=zero").err())
                .contains("backfill.lease-seconds");
    }

    private List<DateRecord> records()
    {
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()))) {
            return store.list(AnalyticsTable.SYNTHETIC, Optional.empty(), Set.of());
        }
    }

    private Map<String, String> digests()
            throws IOException
    {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(home.relativize(file).toString(), sha256(file));
            }
        }
        return digests;
    }

    private static String sha256(Path file)
            throws IOException
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
