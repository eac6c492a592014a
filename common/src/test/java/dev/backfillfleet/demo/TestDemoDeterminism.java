package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TestDemoDeterminism
{
    private static final int SEASON = SharedDemoLeague.SEASON;

    private final DemoLeague league = SharedDemoLeague.league();

    @Test
    void theSameSeedGivesTheSameLeagueAndRows()
    {
        DemoLeague again = DemoLeague.generate(DemoLeague.DEFAULT_SEED);
        assertThat(again.results()).isEqualTo(league.results());
        assertThat(again.seasons()).isEqualTo(league.seasons());
        DemoRawTables second = new DemoRawTables(again);
        for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
            assertThat(second.partitions(table, again.season(SEASON))).as(table.toString()).isEqualTo(SharedDemoLeague.partitions(table, SEASON));
        }
        assertThat(second.travelDistances()).isEqualTo(new DemoRawTables(league).travelDistances());
    }

    @Test
    void anotherSeedGivesAnotherLeague()
    {
        DemoLeague other = DemoLeague.generate(42);
        assertThat(other.schedule()).isNotEqualTo(league.schedule());
        assertThat(other.season(2021).roster("BOS")).isNotEqualTo(league.season(2021).roster("BOS"));
    }

    @Test
    void anyGameReplaysAloneToTheSameBoxScore()
    {
        DemoSeason season = league.season(SEASON);
        BoxScoreGenerator generator = new BoxScoreGenerator(league.seed(), SeasonSetup.of(season.calendar(), season.rosters(), season.strengths(), season.injurySpells()));
        List<GameResult> results = season.results();
        for (int index = results.size() - 1; index >= 0; index -= 37) {
            GameResult result = results.get(index);
            assertThat(generator.play(result.game())).isEqualTo(result);
        }
    }

    @Test
    void rowsOfADateRangeAreThoseOfTheWholeSeason()
    {
        DemoSeason season = league.season(SEASON);
        DemoRawTables tables = new DemoRawTables(league);
        DateRange december = DateRange.of(LocalDate.of(SEASON, 12, 1), LocalDate.of(SEASON, 12, 31));
        for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
            Map<LocalDate, List<Row>> expected = new TreeMap<>(SharedDemoLeague.partitions(table, SEASON));
            expected.keySet().removeIf(date -> !december.contains(date));
            assertThat(tables.partitions(table, season, december)).as(table.toString()).isNotEmpty().isEqualTo(expected);
        }
    }
}
