package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
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
 * The injury reports of a date. Only a player's latest report counts (an earlier OUT followed by
 * an upgrade is not out), and only reports published by tip-off: later ones would leak.
 */
public final class InjuryReport
{
    private static final Comparator<Row> CHRONOLOGICAL = Comparator.comparing((Row row) -> row.getTimestamp("report_timestamp"))
            .thenComparing(row -> normalizedStatus(row));

    private final Map<String, List<Row>> byPlayer;
    private final Map<String, Set<String>> playersByTeam;

    private InjuryReport(Map<String, List<Row>> byPlayer, Map<String, Set<String>> playersByTeam)
    {
        this.byPlayer = byPlayer;
        this.playersByTeam = playersByTeam;
    }

    public static InjuryReport load(Warehouse warehouse, LocalDate date)
    {
        Map<String, List<Row>> byPlayer = new HashMap<>();
        Map<String, Set<String>> playersByTeam = new HashMap<>();
        for (Row row : warehouse.read(RawTables.INJURY_REPORT, DateRange.single(date))) {
            if (row.getTimestamp("report_timestamp") == null || row.getString("injury_status") == null) {
                continue;
            }
            String player = PlayerLookup.of(row.getString("player_lookup"));
            byPlayer.computeIfAbsent(player, key -> new ArrayList<>()).add(row);
            playersByTeam.computeIfAbsent(row.getString("team_abbr").trim().toUpperCase(Locale.ROOT), key -> new LinkedHashSet<>()).add(player);
        }
        return new InjuryReport(byPlayer, playersByTeam);
    }

    /** The player's status in the latest report published at or before {@code tipOff}. */
    public InjuryStatus latest(String playerLookup, Instant tipOff)
    {
        Optional<Row> latest = byPlayer.getOrDefault(playerLookup, List.of()).stream()
                .filter(row -> !row.getTimestamp("report_timestamp").isAfter(tipOff))
                .max(CHRONOLOGICAL);
        return latest.map(row -> new InjuryStatus(normalizedStatus(row), row.getString("reason"))).orElse(InjuryStatus.AVAILABLE);
    }

    /** The players of {@code team} on the date's reports. */
    public Set<String> playersOf(String team)
    {
        return playersByTeam.getOrDefault(team, Set.of());
    }

    private static String normalizedStatus(Row row)
    {
        return row.getString("injury_status").trim().toLowerCase(Locale.ROOT);
    }
}
