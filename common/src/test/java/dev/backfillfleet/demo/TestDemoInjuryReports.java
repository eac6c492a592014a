package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.backfillfleet.schema.RawTables.INJURY_REPORT;
import static org.assertj.core.api.Assertions.assertThat;

class TestDemoInjuryReports
{
    private static final int SEASON = SharedDemoLeague.SEASON;

    private final DemoSeason season = SharedDemoLeague.league().season(SEASON);
    private final Map<String, List<Row>> reportsByPlayerDate = SharedDemoLeague.rows(INJURY_REPORT, SEASON).stream()
            .collect(Collectors.groupingBy(row -> row.getDate("game_date") + "/" + DemoPlayer.lookupOf(row.getString("player_full_name"))));

    @Test
    void theLatestReportAgreesWithTheGamebook()
    {
        int upgrades = 0;
        for (GameResult result : season.results()) {
            for (TeamGame team : List.of(result.home(), result.away())) {
                for (PlayerGame player : team.players()) {
                    List<Row> reports = reportsByPlayerDate.getOrDefault(result.game().gameDate() + "/" + player.player().lookup(), List.of());
                    if (player.status() == PlayerStatus.INACTIVE) {
                        assertThat(reports).as("inactive %s is on the report", player.player().lookup()).isNotEmpty();
                    }
                    if (reports.isEmpty()) {
                        continue;
                    }
                    assertThat(reports).allSatisfy(row -> {
                        assertThat(row.getString("team")).isEqualTo(team.team());
                        assertThat(row.getString("player_lookup")).isEqualTo(InjuryReportRows.injuryLookup(player.player().name()));
                    });
                    List<Row> ordered = reports.stream().sorted(Comparator.comparing(row -> row.getTimestamp("processed_at"))).toList();
                    String latest = ordered.get(ordered.size() - 1).getString("injury_status");
                    if (player.status() == PlayerStatus.INACTIVE) {
                        assertThat(latest).isEqualTo("out");
                    }
                    if (player.isActive()) {
                        assertThat(latest).isIn("available", "probable", "questionable");
                        String earliest = ordered.get(0).getString("injury_status");
                        if (earliest.equals("out") || earliest.equals("doubtful")) {
                            upgrades++;
                        }
                    }
                }
            }
        }
        assertThat(upgrades).isGreaterThan(100);
    }

    @Test
    void everyGameDateHasSeveralReportsBeforeTheFirstTipOff()
    {
        Map<LocalDate, Instant> firstTipOff = new HashMap<>();
        season.schedule().forEach(game -> firstTipOff.merge(game.gameDate(), game.startTime(), (first, second) -> first.isBefore(second) ? first : second));
        List<Row> rows = SharedDemoLeague.rows(INJURY_REPORT, SEASON);
        Map<LocalDate, List<Instant>> reportTimes = rows.stream()
                .collect(Collectors.groupingBy(row -> row.getDate("game_date"), Collectors.mapping(row -> row.getTimestamp("processed_at").minusSeconds(240),
                        Collectors.toList())));
        assertThat(reportTimes.keySet()).isEqualTo(firstTipOff.keySet());
        reportTimes.forEach((date, times) -> {
            List<Instant> distinct = times.stream().distinct().sorted().toList();
            assertThat(distinct).hasSizeBetween(2, 3);
            assertThat(distinct.get(distinct.size() - 1)).isEqualTo(firstTipOff.get(date).minusSeconds(3600));
        });
        // the report's date and hour are its Eastern issue time, the minute lost; some reports were loaded twice
        assertThat(rows).allSatisfy(row -> {
            java.time.ZonedDateTime issued = row.getTimestamp("processed_at").minusSeconds(240).atZone(TipOffTimes.EASTERN);
            assertThat(row.getDate("report_date")).isEqualTo(issued.toLocalDate());
            assertThat(row.getLong("report_hour")).isEqualTo((long) issued.getHour());
        });
        assertThat(rows).filteredOn(row -> row.getDate("report_date").isBefore(row.getDate("game_date"))).as("the evening before").isNotEmpty();
        assertThat(rows.size() - rows.stream().distinct().count()).as("rows loaded twice").isBetween(rows.size() / 50L, rows.size() / 10L);
    }

    @Test
    void statusesAndReasonsLookLikeTheNbaReport()
    {
        List<Row> rows = SharedDemoLeague.rows(INJURY_REPORT, SEASON);
        assertThat(rows).extracting(row -> row.getString("injury_status")).contains("out", "doubtful", "questionable", "probable", "available")
                .containsOnly("out", "doubtful", "questionable", "probable", "available");
        assertThat(rows).extracting(row -> row.getString("reason")).anySatisfy(reason -> assertThat(reason).matches("Injury/Illness - (Left|Right) \\w+; \\w+"));
        assertThat(rows).extracting(row -> row.getString("reason")).contains("G League - Two-Way");
        // the report's own lookup deletes suffixes and "jr", "ii" ... anywhere: it differs from the gamebook's for such names
        assertThat(rows).anySatisfy(row -> assertThat(row.getString("player_lookup")).isNotEqualTo(DemoPlayer.lookupOf(row.getString("player_full_name"))));
    }
}
