package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** team_offense_game_summary rows of one date, by game and team: the team figures for usage rate and the result. */
public final class TeamOffenseResults
{
    /** What player_game_summary needs of a team's row: its plays for usage rate, minutes, and the result. */
    static final List<String> COLUMNS = List.of("nba_game_id", "team_abbr", "fg_attempts", "ft_attempts", "turnovers", "overtime_periods", "win_flag");

    private final Map<String, Row> rows;

    private TeamOffenseResults(Map<String, Row> rows)
    {
        this.rows = rows;
    }

    public static TeamOffenseResults load(Warehouse warehouse, LocalDate date)
    {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.TEAM_OFFENSE), DateRange.single(date), COLUMNS)) {
            rows.put(key(row.getString("nba_game_id"), row.getString("team_abbr")), row);
        }
        return new TeamOffenseResults(rows);
    }

    /** The team's row, or null when team_offense has none for it. */
    public Row of(ScheduledGame game, String team)
    {
        return rows.get(key(game.nbaGameId(), team));
    }

    /** The team's minutes: 240 plus 25 per overtime period. */
    public static long teamMinutes(Row teamOffense)
    {
        return TeamStatLine.REGULATION_MINUTES + TeamStatLine.OVERTIME_MINUTES * teamOffense.getLongOrZero("overtime_periods");
    }

    private static String key(String nbaGameId, String team)
    {
        return nbaGameId + "|" + team;
    }
}
