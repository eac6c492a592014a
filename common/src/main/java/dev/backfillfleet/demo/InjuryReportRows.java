package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * {@code nbac_injury_report} in the real shape (real-warehouse.md 1.7): for each game date, reports
 * at 13:30 and 17:30 ET (those earlier than an hour before the day's first tip-off) and one an hour
 * before the first tip-off; on a day with an early first game, the previous evening's 17:30 report
 * too, issued on the day before (report_date). Every listed player of a team playing that day
 * appears in every report: with the early status in all but the last, the final status in the last.
 * Inactive players are always out in the last report; active players never are.
 *
 * <p>Each report stores its Eastern date and hour (the minute is lost) and is loaded a few minutes
 * after it is issued; about 5% of reports were loaded twice. player_lookup follows the report's
 * own rule ({@link #injuryLookup}), which deletes "jr", "ii", ... anywhere in the name.
 */
final class InjuryReportRows
{
    private static final List<LocalTime> DAILY_REPORTS = List.of(LocalTime.of(13, 30), LocalTime.of(17, 30));
    private static final LocalTime PREVIOUS_EVENING = LocalTime.of(17, 30);
    private static final RowMaker ROWS = new RowMaker(RawTables.injuryReport().columnNames());
    private static final double LOADED_TWICE = 0.05;
    private static final List<String> DELETED_ANYWHERE = List.of("jr", "sr", "ii", "iii", "iv");

    private InjuryReportRows() {}

    static Map<LocalDate, List<Row>> rows(long seed, DemoSeason season)
    {
        Map<LocalDate, List<GameResult>> byDate = new TreeMap<>();
        for (GameResult result : season.results()) {
            byDate.computeIfAbsent(result.game().gameDate(), date -> new ArrayList<>()).add(result);
        }
        Partitions partitions = new Partitions();
        byDate.forEach((date, games) -> {
            List<Instant> reports = reportTimes(date, games);
            SplittableRandom loads = RawLoads.random(seed, RawLoads.INJURY_REPORT, games.get(0).game());
            boolean[] twice = new boolean[reports.size()];
            for (int report = 0; report < reports.size(); report++) {
                twice[report] = Draws.chance(loads, LOADED_TWICE);
            }
            for (GameResult result : games) {
                for (TeamGame team : List.of(result.away(), result.home())) {
                    for (PlayerGame player : team.players()) {
                        player.listing().ifPresent(listing -> {
                            for (int report = 0; report < reports.size(); report++) {
                                boolean last = report == reports.size() - 1;
                                ZonedDateTime issued = reports.get(report).atZone(TipOffTimes.EASTERN);
                                Row row = ROWS.row(
                                        issued.toLocalDate(),
                                        (long) issued.getHour(),
                                        date,
                                        team.team(),
                                        player.player().name(),
                                        injuryLookup(player.player().name()),
                                        last ? listing.finalStatus() : listing.earlyStatus(),
                                        listing.reason(),
                                        category(listing.reason()),
                                        reports.get(report).plusSeconds(240));
                                List<Row> partition = partitions.partition(issued.toLocalDate());
                                partition.add(row);
                                if (twice[report]) {
                                    partition.add(row);
                                }
                            }
                        });
                    }
                }
            }
        });
        return partitions.build();
    }

    /**
     * The report's own lookup rule (nbac_injury_report_processor): lowercase, spaces and ' . - ,
     * deleted, then "jr", "sr", "ii", "iii" and "iv" deleted anywhere; accents kept. "Robert Williams
     * III" is robertwilliamsi, "Jrue Holiday" ueholiday.
     */
    static String injuryLookup(String name)
    {
        String lookup = name.toLowerCase(Locale.ROOT).replaceAll("[ '.,-]", "");
        for (String deleted : DELETED_ANYWHERE) {
            lookup = lookup.replace(deleted, "");
        }
        return lookup;
    }

    private static String category(String reason)
    {
        if (reason.startsWith("Injury/Illness")) {
            return "injury";
        }
        if (reason.startsWith("G League")) {
            return "g_league";
        }
        return reason.startsWith("Personal") ? "personal" : "other";
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
