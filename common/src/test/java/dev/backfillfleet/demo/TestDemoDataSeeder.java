package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.TableRef;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.backfillfleet.schema.RawTables.GAMEBOOK_PLAYER_STATS;
import static dev.backfillfleet.schema.RawTables.INJURY_REPORT;
import static dev.backfillfleet.schema.RawTables.PLAY_BY_PLAY;
import static dev.backfillfleet.schema.RawTables.PLAYER_POINTS_PROPS;
import static dev.backfillfleet.schema.RawTables.SCHEDULE;
import static dev.backfillfleet.schema.RawTables.TEAM_BOXSCORE;
import static dev.backfillfleet.schema.RawTables.TRAVEL_DISTANCES;
import static org.assertj.core.api.Assertions.assertThat;

class TestDemoDataSeeder
{
    private static final Logger log = LoggerFactory.getLogger(TestDemoDataSeeder.class);

    @Test
    void seedsEveryRawTableOnlyOnGameDates()
    {
        DemoLeague league = SharedDemoLeague.league();
        TestingCountingWarehouse warehouse = new TestingCountingWarehouse(101);
        long started = System.nanoTime();
        Map<TableRef, Long> counts = DemoDataSeeder.seed(warehouse, league);
        log.info("Seeded {} rows in {}: {}", counts.values().stream().mapToLong(Long::longValue).sum(), Duration.ofNanos(System.nanoTime() - started), counts);

        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(DemoRawTables.PARTITIONED_TABLES.stream(), Stream.of(TRAVEL_DISTANCES)).toList());
        counts.forEach((table, count) -> assertThat(warehouse.total(table)).as(table.toString()).isEqualTo(count));
        Set<LocalDate> gameDates = league.schedule().stream().map(DemoGame::gameDate).collect(Collectors.toSet());
        assertThat(warehouse.counts(SCHEDULE).keySet()).isEqualTo(gameDates);
        for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
            if (!table.equals(INJURY_REPORT)) {
                assertThat(gameDates).containsAll(warehouse.counts(table).keySet());
            }
        }
        // the injury report is partitioned by the day a report was issued: a game date, or the evening before one
        assertThat(warehouse.counts(INJURY_REPORT).keySet()).allSatisfy(day -> assertThat(gameDates.contains(day) || gameDates.contains(day.plusDays(1))).isTrue());
        // every game once, and about 6% of them a second time, from an earlier load
        assertThat(counts.get(SCHEDULE)).isBetween(league.schedule().size() + league.schedule().size() / 25L,
                league.schedule().size() + league.schedule().size() / 12L);
        // 30 players a game, and earlier parses of about 2% of the games under the 10-digit id
        assertThat(counts.get(GAMEBOOK_PLAYER_STATS)).isBetween(30L * league.schedule().size() * 101 / 100, 30L * league.schedule().size() * 104 / 100);
        // two per game, a few missing, and about 3% of team-games loaded at half-time too
        assertThat(counts.get(TEAM_BOXSCORE)).isBetween(2L * league.schedule().size() * 102 / 100, 2L * league.schedule().size() * 105 / 100);
        assertThat(counts.get(PLAY_BY_PLAY)).isBetween(1_000_000L, 2_000_000L);
        assertThat(counts.get(PLAYER_POINTS_PROPS)).isBetween(1_000_000L, 2_000_000L);
        assertThat(counts.get(TRAVEL_DISTANCES)).as("the ordered pairs of distinct teams").isEqualTo(870L);
        assertThat(warehouse.replacePartitionsCalls()).as("one call per table and month, per season for the injury report")
                .isBetween(6 * 5 * 8 + 5, 6 * 5 * 10 + 5);
    }
}
