package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The team box scores of one date, one per team, by the real pick rule (real-warehouse.md 1.2,
 * team_offense_game_summary_processor): the latest row per (game_id, team_abbr); then rows without
 * points or field-goal attempts are dropped (placeholders of games in progress); then per
 * (game_date, team_abbr) the row with the most field-goal attempts. A team plays once a date, so
 * the row is found by its team, whatever form its game_id has.
 */
final class TeamBoxScores
{
    static final List<String> COLUMNS = Stream.concat(
            Stream.of("game_id", "team_abbr", "minutes", "processed_at"),
            RawTables.countingStats().stream().map(column -> column.name())).toList();

    private static final Comparator<Row> LATEST = Comparator.comparing((Row row) -> row.getTimestamp("processed_at"),
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
    private static final Comparator<Row> MOST_ATTEMPTS = Comparator.comparingLong((Row row) -> row.getLongOrZero("fg_attempted")).thenComparing(LATEST);

    private final Map<String, Row> byTeam;

    private TeamBoxScores(Map<String, Row> byTeam)
    {
        this.byTeam = byTeam;
    }

    static TeamBoxScores load(Warehouse warehouse, LocalDate date)
    {
        Map<String, Row> latest = new HashMap<>();
        for (Row row : warehouse.read(RawTables.TEAM_BOXSCORE, DateRange.single(date), COLUMNS)) {
            latest.merge(row.getString("game_id") + "|" + team(row), row, (kept, other) -> LATEST.compare(other, kept) > 0 ? other : kept);
        }
        Map<String, Row> byTeam = new HashMap<>();
        latest.values().stream()
                .filter(TeamStatLine::isValidBoxScore)
                .forEach(row -> byTeam.merge(team(row), row, (kept, other) -> MOST_ATTEMPTS.compare(other, kept) > 0 ? other : kept));
        return new TeamBoxScores(byTeam);
    }

    /** The team's valid box score of the date, if any. */
    Optional<Row> of(String team)
    {
        return Optional.ofNullable(byTeam.get(team));
    }

    private static String team(Row row)
    {
        return row.getString("team_abbr").trim().toUpperCase(Locale.ROOT);
    }
}
