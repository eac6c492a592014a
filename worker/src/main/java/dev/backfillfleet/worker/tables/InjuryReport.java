package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The injury reports for the games of a date, from the real {@code nbac_injury_report}
 * (real-warehouse.md 1.7). It is partitioned by report_date, so the read filters report_date over
 * {@link #REPORT_DAYS_BEFORE} days before the game date and the date itself (a filter on game_date
 * alone would scan every partition), then keeps the rows of the date's games.
 *
 * <p>A report's time is report_date at report_hour:00, Eastern; the minute is not stored, so a
 * report counts for a game only when its whole hour ended by tip-off (a report of the tip-off's own
 * hour may have come after it), and among reports of one hour the latest load (processed_at) wins.
 * Only a player's latest such report counts (an earlier OUT followed by an upgrade is not out).
 * The report's own player_lookup rule joins nothing else (it deletes "jr", "ii", ... anywhere and
 * keeps accents), so the lookup is recomputed from player_full_name with the gamebook's rule. A row
 * whose team is UNKNOWN counts for its player, not for a team.
 */
public final class InjuryReport
{
    /**
     * NBA.com publishes a game day's report from the evening before (and every hour or quarter-hour
     * on the day), each listing every player of the teams playing soon: a report issued more than
     * two days before a game is never its latest before tip-off.
     */
    static final int REPORT_DAYS_BEFORE = 2;
    static final List<String> COLUMNS = List.of(
            "report_date", "report_hour", "game_date", "team", "player_full_name", "player_lookup", "injury_status", "reason", "reason_category",
            "processed_at");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final String UNKNOWN_TEAM = "UNKNOWN";
    private static final Comparator<Report> CHRONOLOGICAL = Comparator.comparing(Report::hourStart)
            .thenComparing(Report::processedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(Report::status);

    private final Map<String, List<Report>> byPlayer;
    private final Map<String, Set<String>> playersByTeam;

    private InjuryReport(Map<String, List<Report>> byPlayer, Map<String, Set<String>> playersByTeam)
    {
        this.byPlayer = byPlayer;
        this.playersByTeam = playersByTeam;
    }

    /** One report row: its hour, its load, the status and the reason for one player. */
    private record Report(Instant hourStart, Instant processedAt, String status, String reason)
    {
        /** Whether the report's whole hour ended by {@code cutoff}. */
        boolean knownBy(Instant cutoff)
        {
            return !hourStart.plusSeconds(3600).isAfter(cutoff);
        }
    }

    public static InjuryReport load(Warehouse warehouse, LocalDate date)
    {
        Map<String, List<Report>> byPlayer = new HashMap<>();
        Map<String, Set<String>> playersByTeam = new HashMap<>();
        for (Row row : warehouse.read(RawTables.INJURY_REPORT, DateRange.of(date.minusDays(REPORT_DAYS_BEFORE), date), COLUMNS)) {
            String player = player(row);
            if (!date.equals(row.getDate("game_date")) || row.getDate("report_date") == null || row.getLong("report_hour") == null
                    || row.getString("injury_status") == null || player == null) {
                continue;
            }
            Instant hourStart = row.getDate("report_date").atTime(LocalTime.of(Math.toIntExact(row.getLong("report_hour")), 0)).atZone(EASTERN).toInstant();
            byPlayer.computeIfAbsent(player, key -> new ArrayList<>())
                    .add(new Report(hourStart, row.getTimestamp("processed_at"), lowercase(row.getString("injury_status")), reason(row)));
            String team = row.getString("team") == null ? UNKNOWN_TEAM : row.getString("team").trim().toUpperCase(Locale.ROOT);
            if (!team.equals(UNKNOWN_TEAM)) {
                playersByTeam.computeIfAbsent(team, key -> new LinkedHashSet<>()).add(player);
            }
        }
        return new InjuryReport(byPlayer, playersByTeam);
    }

    /** The gamebook's lookup of the full name; the report's own lookup only when the name is missing. */
    private static String player(Row row)
    {
        String fullName = row.getString("player_full_name");
        return fullName != null && !fullName.isBlank() ? PlayerLookup.gamebook(fullName) : PlayerLookup.of(row.getString("player_lookup"));
    }

    /** The reason text, or its category when the text is empty (as the real upcoming_player's injury_report). */
    private static String reason(Row row)
    {
        String reason = row.getString("reason");
        return reason != null && !reason.isBlank() ? reason : row.getString("reason_category");
    }

    /** The player's status in the latest report known by {@code cutoff} (the tip-off). */
    public InjuryStatus latest(String playerLookup, Instant cutoff)
    {
        Optional<Report> latest = byPlayer.getOrDefault(playerLookup, List.of()).stream()
                .filter(report -> report.knownBy(cutoff))
                .max(CHRONOLOGICAL);
        return latest.map(report -> new InjuryStatus(report.status(), report.reason())).orElse(InjuryStatus.AVAILABLE);
    }

    /** The players of {@code team} on the reports for the date's games. */
    public Set<String> playersOf(String team)
    {
        return playersByTeam.getOrDefault(team, Set.of());
    }

    private static String lowercase(String text)
    {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
