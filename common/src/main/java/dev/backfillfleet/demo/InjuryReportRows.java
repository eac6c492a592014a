package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code nbac_injury_report}: for each game date, reports at 13:30 and 17:30 ET (those earlier
 * than an hour before the day's first tip-off) and one an hour before the first tip-off; on a day
 * with an early first game, the previous evening's 17:30 report too. Every listed player of a
 * team playing that day appears in every report: with the early status in all but the last, the
 * final status in the last. Inactive players are always out in the last report; active players
 * never are.
 */
final class InjuryReportRows
{
    private static final List<LocalTime> DAILY_REPORTS = List.of(LocalTime.of(13, 30), LocalTime.of(17, 30));
    private static final LocalTime PREVIOUS_EVENING = LocalTime.of(17, 30);
    private static final RowMaker ROWS = new RowMaker(RawTables.injuryReport().columnNames());

    private InjuryReportRows() {}

    static Map<LocalDate, List<Row>> rows(DemoSeason season)
    {
        Map<LocalDate, List<GameResult>> byDate = new TreeMap<>();
        for (GameResult result : season.results()) {
            byDate.computeIfAbsent(result.game().gameDate(), date -> new ArrayList<>()).add(result);
        }
        Partitions partitions = new Partitions();
        byDate.forEach((date, games) -> {
            List<Instant> reports = reportTimes(date, games);
            List<Row> rows = partitions.partition(date);
            for (GameResult result : games) {
                for (TeamGame team : List.of(result.away(), result.home())) {
                    for (PlayerGame player : team.players()) {
                        player.listing().ifPresent(listing -> {
                            for (int report = 0; report < reports.size(); report++) {
                                boolean last = report == reports.size() - 1;
                                rows.add(ROWS.row(
                                        date,
                                        team.team(),
                                        player.player().lookup(),
                                        last ? listing.finalStatus() : listing.earlyStatus(),
                                        listing.reason(),
                                        reports.get(report)));
                            }
                        });
                    }
                }
            }
        });
        return partitions.build();
    }

    /** At least two report times, in order; the last is an hour before the first tip-off. */
    static List<Instant> reportTimes(LocalDate date, List<GameResult> games)
    {
        Instant firstTipOff = games.stream().map(result -> result.game().startTime()).min(Instant::compareTo).orElseThrow();
        Instant last = firstTipOff.minusSeconds(3600);
        List<Instant> reports = new ArrayList<>();
        for (LocalTime time : DAILY_REPORTS) {
            Instant report = TipOffTimes.instant(date, time);
            if (report.isBefore(last)) {
                reports.add(report);
            }
        }
        if (reports.isEmpty()) {
            reports.add(TipOffTimes.instant(date.minusDays(1), PREVIOUS_EVENING));
        }
        reports.add(last);
        return reports;
    }
}
