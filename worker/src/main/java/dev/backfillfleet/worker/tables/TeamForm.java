package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each team's recent form: exact means over its newest games in [D - days, D - 1] of team_offense
 * (pace, offensive rating) and team_defense (defensive rating), each stored value the exact
 * NUMERIC decimal it is. The caller rounds (a differential of two means uses them exact).
 */
public final class TeamForm
{
    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparing((Row row) -> row.getDate("game_date"))
            .thenComparing(row -> row.getString("nba_game_id"))
            .reversed();

    private static final List<String> OFFENSE_COLUMNS = List.of("game_date", "nba_game_id", "team_abbr", "pace", "offensive_rating");
    private static final List<String> DEFENSE_COLUMNS = List.of("game_date", "nba_game_id", "defending_team_abbr", "defensive_rating");

    private final Map<String, List<Row>> offenseByTeam;
    private final Map<String, List<Row>> defenseByTeam;

    private TeamForm(Map<String, List<Row>> offenseByTeam, Map<String, List<Row>> defenseByTeam)
    {
        this.offenseByTeam = offenseByTeam;
        this.defenseByTeam = defenseByTeam;
    }

    public static TeamForm load(Warehouse warehouse, LocalDate date, int days)
    {
        DateRange window = DateRange.of(date.minusDays(days), date.minusDays(1));
        return new TeamForm(
                byTeam(warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.TEAM_OFFENSE), window, OFFENSE_COLUMNS), "team_abbr"),
                byTeam(warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.TEAM_DEFENSE), window, DEFENSE_COLUMNS), "defending_team_abbr"));
    }

    public Fraction paceLastGames(String team, int games)
    {
        return meanOf(offenseByTeam, team, "pace", games);
    }

    public Fraction offensiveRatingLastGames(String team, int games)
    {
        return meanOf(offenseByTeam, team, "offensive_rating", games);
    }

    public Fraction defensiveRatingLastGames(String team, int games)
    {
        return meanOf(defenseByTeam, team, "defensive_rating", games);
    }

    private static Fraction meanOf(Map<String, List<Row>> rowsByTeam, String team, String column, int games)
    {
        List<Fraction> values = rowsByTeam.getOrDefault(team, List.of()).stream()
                .limit(games)
                .map(row -> row.getDecimal(column))
                .filter(Objects::nonNull)
                .map(Fraction::of)
                .toList();
        return Statistics.mean(values);
    }

    private static Map<String, List<Row>> byTeam(List<Row> rows, String teamColumn)
    {
        Map<String, List<Row>> byTeam = new HashMap<>();
        rows.forEach(row -> byTeam.computeIfAbsent(row.getString(teamColumn), key -> new ArrayList<>()).add(row));
        byTeam.values().forEach(teamRows -> teamRows.sort(NEWEST_FIRST));
        return byTeam;
    }
}
