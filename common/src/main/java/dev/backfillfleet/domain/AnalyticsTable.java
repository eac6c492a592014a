package dev.backfillfleet.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tables the fleet can backfill, with the per-date upstream dependencies of
 * analytics-tables.md. {@link #SYNTHETIC} exercises the fleet itself and is never part of "all".
 */
public enum AnalyticsTable
{
    TEAM_OFFENSE("team_offense_game_summary", "team_offense", List.of()),
    TEAM_DEFENSE("team_defense_game_summary", "team_defense", List.of()),
    PLAYER_SUMMARY("player_game_summary", "player_summary",
            List.of(new Upstream("team_offense_game_summary", 0, 0))),
    UPCOMING_PLAYER("upcoming_player_game_context", "upcoming_player",
            List.of(
                    new Upstream("player_game_summary", 30, 1),
                    new Upstream("team_offense_game_summary", 30, 1),
                    new Upstream("team_defense_game_summary", 30, 1))),
    UPCOMING_TEAM("upcoming_team_game_context", "upcoming_team", List.of()),
    SYNTHETIC("synthetic", "synthetic", List.of());

    public static final String DATASET = "nba_analytics";

    private final String tableName;
    private final String shortName;
    private final List<Upstream> upstreams;

    AnalyticsTable(String tableName, String shortName, List<Upstream> upstreams)
    {
        this.tableName = tableName;
        this.shortName = shortName;
        this.upstreams = upstreams;
    }

    /** The warehouse table name, e.g. {@code team_offense_game_summary}. */
    public String tableName()
    {
        return tableName;
    }

    /** The short name operators type, e.g. {@code team_offense}. */
    public String shortName()
    {
        return shortName;
    }

    /**
     * The upstream (table, date) records that must be SUCCEEDED or NO_GAMES before this table
     * may run for {@code date}.
     */
    public List<DateKey> upstreamKeys(java.time.LocalDate date)
    {
        return upstreams.stream()
                .flatMap(upstream -> upstream.keysFor(date).stream())
                .toList();
    }

    /**
     * The (table, date) records that depend on this table's {@code date} directly: the inverse of
     * {@link #upstreamKeys}. For {@code team_offense} on D: {@code player_summary} D and
     * {@code upcoming_player} D+1..D+30.
     */
    public List<DateKey> downstreamKeys(java.time.LocalDate date)
    {
        List<DateKey> keys = new java.util.ArrayList<>();
        for (AnalyticsTable table : values()) {
            for (Upstream upstream : table.upstreams) {
                if (upstream.tableName().equals(tableName)) {
                    DateRange.of(date.plusDays(upstream.daysBeforeEnd()), date.plusDays(upstream.daysBeforeStart())).dates()
                            .forEach(downstreamDate -> keys.add(new DateKey(table, downstreamDate)));
                }
            }
        }
        return List.copyOf(keys);
    }

    public boolean hasUpstreams()
    {
        return !upstreams.isEmpty();
    }

    /** The five analytics tables, in an order that respects their dependencies. */
    public static List<AnalyticsTable> all()
    {
        return List.of(TEAM_OFFENSE, TEAM_DEFENSE, PLAYER_SUMMARY, UPCOMING_TEAM, UPCOMING_PLAYER);
    }

    /** Finds a table by its full or short name, case-insensitively. */
    public static Optional<AnalyticsTable> byName(String name)
    {
        String normalized = name.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values())
                .filter(table -> table.tableName.equals(normalized) || table.shortName.equals(normalized))
                .findFirst();
    }

    /**
     * A dependency on another table for the dates [D - daysBeforeStart, D - daysBeforeEnd].
     * Held by name so that the enum constants may refer to each other.
     */
    private record Upstream(String tableName, int daysBeforeStart, int daysBeforeEnd)
    {
        List<DateKey> keysFor(java.time.LocalDate date)
        {
            AnalyticsTable table = byName(tableName).orElseThrow();
            return DateRange.of(date.minusDays(daysBeforeStart), date.minusDays(daysBeforeEnd)).dates().stream()
                    .map(upstreamDate -> new DateKey(table, upstreamDate))
                    .toList();
        }
    }
}
