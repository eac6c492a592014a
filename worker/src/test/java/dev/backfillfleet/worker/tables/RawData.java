package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.demo.OddsApiTeamNames;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written raw inputs, in the real tables' shapes, and upstream analytics rows for processor
 * fixtures: add rows with the helpers, then {@link #writeTo} puts each table's rows into their
 * partitions. {@link #wholeSeasons} completes the fixture's seasons the way a real load leaves a
 * season's schedule, so that the context tables find their history complete.
 */
final class RawData
{
    static final ZoneId EASTERN = ZoneId.of("America/New_York");
    /** When the fixtures' raw rows were loaded: after the schedule loader stored tip-offs as true instants. */
    static final Instant LOADED_AT = Instant.parse("2026-01-15T12:00:00Z");

    private final Map<TableRef, List<Row>> rows = new LinkedHashMap<>();
    private final Map<String, String> nbaGameIds = new java.util.HashMap<>();
    private final Map<String, String> tipOffs = new java.util.HashMap<>();
    private final List<Row> travel = new ArrayList<>();
    private boolean wholeSeasons;

    /** A counting-stat line of a player or team; points are 2 x FGM + 3PM + FTM. */
    record Stats(long fgMade, long fgAttempted, long threeMade, long threeAttempted, long ftMade, long ftAttempted, long offensiveRebounds,
            long defensiveRebounds, long assists, long turnovers, long steals, long blocks, long fouls)
    {
        long points()
        {
            return 2 * fgMade + threeMade + ftMade;
        }

        /** The counts under their gamebook names (field_goals_made, ...). */
        Row.Builder putIntoGamebook(Row.Builder row)
        {
            Row counts = putInto(Row.builder()).build();
            RawTables.GAMEBOOK_STAT_NAMES.forEach((ours, gamebooks) -> row.set(gamebooks, counts.get(ours)));
            return row;
        }

        Row.Builder putInto(Row.Builder row)
        {
            return row.set("fg_made", fgMade).set("fg_attempted", fgAttempted).set("three_pt_made", threeMade)
                    .set("three_pt_attempted", threeAttempted).set("ft_made", ftMade).set("ft_attempted", ftAttempted)
                    .set("offensive_rebounds", offensiveRebounds).set("defensive_rebounds", defensiveRebounds)
                    .set("total_rebounds", offensiveRebounds + defensiveRebounds).set("assists", assists).set("turnovers", turnovers)
                    .set("steals", steals).set("blocks", blocks).set("personal_fouls", fouls).set("points", points());
        }
    }

    static Stats stats(long... values)
    {
        return new Stats(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9],
                values[10], values[11], values[12]);
    }

    /** Eastern wall-clock time, e.g. {@code et("2024-11-01 19:30")}. */
    static Instant et(String localTime)
    {
        return LocalDateTime.parse(localTime, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")).atZone(EASTERN).toInstant();
    }

    static String gameId(LocalDate date, String away, String home)
    {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + away + "_" + home;
    }

    /** A regular-season game in the real schedule's shape: final when it has scores, scheduled otherwise; loaded at {@link #LOADED_AT}. */
    RawData game(String nbaGameId, String startEt, String away, String home, Long awayScore, Long homeScore)
    {
        return scheduleRow(nbaGameId, startEt, away, home, awayScore == null ? 1L : 3L, awayScore, homeScore, LOADED_AT);
    }

    /** One row of nbac_schedule as a load wrote it, with the tip-off stored as the real loader did at {@code processedAt}. */
    RawData scheduleRow(String nbaGameId, String startEt, String away, String home, long status, Long awayScore, Long homeScore, Instant processedAt)
    {
        Instant start = et(startEt);
        LocalDate date = start.atZone(EASTERN).toLocalDate();
        long seasonYear = date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
        nbaGameIds.put(gameId(date, away, home), nbaGameId);
        tipOffs.put(gameId(date, away, home), startEt);
        Instant stored = processedAt.isBefore(Schedule.TIP_OFF_STORED_AS_UTC_UNTIL)
                ? LocalDateTime.parse(startEt, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")).toInstant(ZoneOffset.UTC)
                : start;
        return add(RawTables.SCHEDULE, Row.builder().set("game_id", nbaGameId).set("game_date", date).set("season_year", seasonYear)
                .set("game_date_est", stored).set("game_status", status).set("home_team_tricode", home).set("away_team_tricode", away)
                .set("home_team_score", homeScore).set("away_team_score", awayScore).set("is_regular_season", true).set("is_playoffs", false)
                .set("is_all_star", false).set("playoff_round", null).set("processed_at", processedAt).build());
    }

    RawData boxScore(LocalDate date, String away, String home, String team, String minutes, Stats stats)
    {
        return boxScore(gameId(date, away, home), date, away, home, team, minutes, stats, LOADED_AT);
    }

    /** A team box score row under {@code gameId} (either form), as loaded at {@code processedAt}. */
    RawData boxScore(String gameId, LocalDate date, String away, String home, String team, String minutes, Stats stats, Instant processedAt)
    {
        return add(RawTables.TEAM_BOXSCORE, stats.putInto(Row.builder()
                .set("game_id", gameId).set("game_date", date).set("team_abbr", team).set("minutes", minutes)).set("processed_at", processedAt).build());
    }

    static long seasonYear(LocalDate date)
    {
        return date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
    }

    /** A gamebook row in the real shape (the gamebook has no starter column), loaded at {@link #LOADED_AT}. */
    RawData player(LocalDate date, String away, String home, String team, String name, String status, String minutes, Stats stats, Long plusMinus)
    {
        return player(gameId(date, away, home), date, team, name, status, minutes, stats, plusMinus, LOADED_AT);
    }

    /** A gamebook row under {@code gameId} (either form), as loaded at {@code processedAt}. */
    RawData player(String gameId, LocalDate date, String team, String name, String status, String minutes, Stats stats, Long plusMinus,
            Instant processedAt)
    {
        Row.Builder row = Row.builder().set("game_id", gameId).set("game_date", date)
                .set("player_name", name).set("player_name_original", name).set("player_lookup", PlayerLookup.gamebook(name)).set("team_abbr", team)
                .set("player_status", status).set("minutes", minutes).set("plus_minus", plusMinus).set("processed_at", processedAt);
        return add(RawTables.GAMEBOOK_PLAYER_STATS, (stats == null ? row : stats.putIntoGamebook(row)).build());
    }

    RawData notPlaying(LocalDate date, String away, String home, String team, String name, String status)
    {
        return player(date, away, home, team, name, status, null, null, null);
    }

    /** A BigDataBall shot row: the shooter's team as player_1, a block as player_2_role 'block' on the same row. */
    RawData shot(LocalDate date, String away, String home, String shootingTeam, String shotType, Double distance, boolean made, boolean blocked)
    {
        return add(RawTables.PLAY_BY_PLAY, Row.builder().set("game_date", date)
                .set("home_team_abbr", home).set("away_team_abbr", away).set("player_1_team_abbr", shootingTeam).set("shot_type", shotType)
                .set("shot_distance", distance).set("shot_made", made).set("player_2_role", blocked ? "block" : made ? "assist" : null).build());
    }

    /** A shot row of the NBA.com fallback: the teams the other way round and no distance. */
    RawData fallbackShot(LocalDate date, String away, String home, String shootingTeam, String shotType, boolean made, boolean blocked)
    {
        return add(RawTables.PLAY_BY_PLAY, Row.builder().set("game_date", date)
                .set("home_team_abbr", away).set("away_team_abbr", home).set("player_1_team_abbr", shootingTeam).set("shot_type", shotType)
                .set("shot_distance", null).set("shot_made", made).set("player_2_role", blocked ? "block" : null).build());
    }

    /** An event that is not a shot (a rebound, a turnover): no shot columns. */
    RawData otherEvent(LocalDate date, String away, String home, String team)
    {
        return add(RawTables.PLAY_BY_PLAY, Row.builder().set("game_date", date)
                .set("home_team_abbr", home).set("away_team_abbr", away).set("player_1_team_abbr", team).build());
    }

    RawData prop(LocalDate date, String away, String home, String name, String bookmaker, double line, String snapshotEt, long minutesBeforeTipoff)
    {
        return prop(date, away, home, name, bookmaker, line, snapshotEt, (Long) minutesBeforeTipoff);
    }

    /** A props snapshot, found by its date and teams (the real game_id, in either form, is not read); minutes_before_tipoff may be NULL. */
    RawData prop(LocalDate date, String away, String home, String name, String bookmaker, double line, String snapshotEt, Long minutesBeforeTipoff)
    {
        return add(RawTables.PLAYER_POINTS_PROPS, Row.builder().set("game_date", date).set("home_team_abbr", home)
                .set("away_team_abbr", away).set("player_lookup", PlayerLookup.of(name)).set("bookmaker", bookmaker).set("points_line", line)
                .set("snapshot_timestamp", et(snapshotEt)).set("minutes_before_tipoff", minutesBeforeTipoff).build());
    }

    /**
     * One outcome of a game-lines snapshot in the real shape: {@code outcome} is a team code (written as
     * the team's full name, as the Odds API does), over or under; the game commences at its tip-off in this fixture's schedule (19:30 on the date when it has none).
     */
    RawData line(LocalDate date, String away, String home, String bookmaker, String market, String outcome, double point, String snapshotEt)
    {
        return line(date, away, home, bookmaker, market, outcome, point, snapshotEt, tipOffs.getOrDefault(gameId(date, away, home), date + " 19:30"));
    }

    RawData line(LocalDate date, String away, String home, String bookmaker, String market, String outcome, double point, String snapshotEt,
            String commenceEt)
    {
        String outcomeName = switch (outcome) {
            case "over" -> "Over";
            case "under" -> "Under";
            default -> OddsApiTeamNames.of(outcome);
        };
        return add(RawTables.GAME_LINES, Row.builder().set("game_date", date)
                .set("commence_time", et(commenceEt)).set("home_team", OddsApiTeamNames.of(home)).set("away_team", OddsApiTeamNames.of(away))
                .set("home_team_abbr", home).set("away_team_abbr", away).set("bookmaker_key", bookmaker).set("market_key", market)
                .set("outcome_name", outcomeName).set("outcome_point", point).set("snapshot_timestamp", et(snapshotEt)).build());
    }

    /** Spreads (home point, away the opposite) and totals (over and under) of one bookmaker snapshot. */
    RawData lines(LocalDate date, String away, String home, String bookmaker, double homeSpread, double total, String snapshotEt)
    {
        return line(date, away, home, bookmaker, "spreads", home, homeSpread, snapshotEt)
                .line(date, away, home, bookmaker, "spreads", away, 0.0 - homeSpread, snapshotEt)
                .line(date, away, home, bookmaker, "totals", "over", total, snapshotEt)
                .line(date, away, home, bookmaker, "totals", "under", total, snapshotEt);
    }

    /**
     * A row of a report issued at {@code reportEt} in the real shape: its Eastern date and hour (the
     * minute is not stored), loaded four minutes later, the player's lookup by the report's own rule.
     */
    RawData injury(LocalDate date, String team, String name, String status, String reason, String reportEt)
    {
        return injury(date, team, name, status, reason, reportEt, et(reportEt).plusSeconds(240));
    }

    RawData injury(LocalDate date, String team, String name, String status, String reason, String reportEt, Instant processedAt)
    {
        LocalDateTime issued = LocalDateTime.parse(reportEt, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return add(RawTables.INJURY_REPORT, Row.builder().set("report_date", issued.toLocalDate()).set("report_hour", (long) issued.getHour())
                .set("game_date", date).set("team", team).set("player_full_name", name).set("player_lookup", injuryLookup(name))
                .set("injury_status", status).set("reason", reason).set("reason_category", "injury").set("processed_at", processedAt).build());
    }

    /** The injury report's own lookup rule: "jr", "sr", "ii", "iii", "iv" deleted anywhere, accents kept (Jrue Holiday is ueholiday). */
    static String injuryLookup(String name)
    {
        String lookup = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[ '.,-]", "");
        for (String deleted : List.of("jr", "sr", "ii", "iii", "iv")) {
            lookup = lookup.replace(deleted, "");
        }
        return lookup;
    }

    RawData travel(String from, String to, long miles, long timeZones)
    {
        travel.add(Row.builder().set("from_team", from).set("to_team", to).set("distance_miles", miles).set("time_zones_crossed", timeZones).build());
        return this;
    }

    /**
     * Completes the schedule of every season the fixture's games are in, as the real loader writes a
     * season whole: every regular-season game number from 1 to the highest the fixture uses that it
     * lacks becomes a game between two teams no fixture looks at (SAS at SAC), played on the season's
     * first day, 1 October, before any game of the fixture.
     */
    RawData wholeSeasons()
    {
        wholeSeasons = true;
        return this;
    }

    private List<Row> seasonFillers()
    {
        Map<Long, java.util.SortedSet<Integer>> numbers = new TreeMap<>();
        for (Row row : rows.getOrDefault(RawTables.SCHEDULE, List.of())) {
            String id = row.getString("game_id");
            if (id.startsWith("002")) {
                numbers.computeIfAbsent(row.getLong("season_year"), season -> new java.util.TreeSet<>()).add(Integer.parseInt(id.substring(5)));
            }
        }
        List<Row> fillers = new ArrayList<>();
        numbers.forEach((seasonYear, used) -> {
            LocalDate firstDay = LocalDate.of(Math.toIntExact(seasonYear), 10, 1);
            for (int number = 1; number < used.last(); number++) {
                if (!used.contains(number)) {
                    String id = String.format("002%02d%05d", seasonYear % 100, number);
                    fillers.add(Row.builder().set("game_id", id).set("game_date", firstDay).set("season_year", seasonYear)
                            .set("game_date_est", firstDay.atTime(19, 0).atZone(EASTERN).toInstant()).set("game_status", 3L)
                            .set("home_team_tricode", "SAC").set("away_team_tricode", "SAS").set("home_team_score", 101L).set("away_team_score", 99L)
                            .set("is_regular_season", true).set("is_playoffs", false).set("is_all_star", false).set("playoff_round", null)
                            .set("processed_at", LOADED_AT).build());
                }
            }
        });
        return fillers;
    }

    /** A player_game_summary row of a player's history, with only what the context reads set to real values. */
    RawData pastGame(LocalDate date, String team, String opponent, String name, Long points, Double minutesPlayed)
    {
        boolean dnp = minutesPlayed == null;
        return analytics(AnalyticsTable.PLAYER_SUMMARY, Row.builder()
                .set("game_id", gameId(date, opponent, team)).set("nba_game_id", "history-" + date + "-" + team)
                .set("game_date", date).set("season_year", 2024L).set("player_lookup", PlayerLookup.of(name)).set("player_full_name", name)
                .set("team_abbr", team).set("opponent_team_abbr", opponent).set("home_game", true)
                .set("player_status", dnp ? "inactive" : "active").set("is_dnp", dnp).set("starter", !dnp)
                .set("minutes_played", minutesPlayed == null ? null : BigDecimal.valueOf(minutesPlayed)).set("points", points).set("win_flag", false));
    }

    /** A team_offense_game_summary row with the given pace and offensive rating, everything else filler. */
    RawData pastOffense(LocalDate date, String team, double pace, double offensiveRating)
    {
        Row.Builder row = Row.builder().set("game_id", gameId(date, "XXX", team)).set("nba_game_id", "off" + date + team).set("game_date", date)
                .set("season_year", 2024L).set("team_abbr", team).set("opponent_team_abbr", "XXX").set("home_game", true);
        for (String column : List.of("points_scored", "fg_makes", "fg_attempts", "three_pt_makes", "three_pt_attempts", "ft_makes", "ft_attempts",
                "offensive_rebounds", "defensive_rebounds", "rebounds", "assists", "turnovers", "steals", "blocks", "personal_fouls",
                "overtime_periods", "margin_of_victory")) {
            row.set(column, 0L);
        }
        return analytics(AnalyticsTable.TEAM_OFFENSE, row.set("possessions", 100.0).set("pace", BigDecimal.valueOf(pace))
                .set("offensive_rating", BigDecimal.valueOf(offensiveRating))
                .set("win_flag", true).set("primary_source_used", "team_boxscore").set("quality_tier", "gold"));
    }

    /** A team_defense_game_summary row with the given defensive rating, everything else filler. */
    RawData pastDefense(LocalDate date, String team, double defensiveRating)
    {
        Row.Builder row = Row.builder().set("game_id", gameId(date, "XXX", team)).set("nba_game_id", "def" + date + team).set("game_date", date)
                .set("season_year", 2024L).set("defending_team_abbr", team).set("opponent_team_abbr", "XXX").set("home_game", true);
        for (String column : List.of("points_allowed", "opp_fg_makes", "opp_fg_attempts", "opp_three_pt_makes", "opp_three_pt_attempts",
                "opp_ft_makes", "opp_ft_attempts", "opp_offensive_rebounds", "opp_rebounds", "opp_assists", "turnovers_forced",
                "fouls_committed", "steals", "blocks", "defensive_rebounds", "three_pt_points_allowed", "margin_of_victory", "overtime_periods")) {
            row.set(column, 0L);
        }
        return analytics(AnalyticsTable.TEAM_DEFENSE, row.set("opp_possessions", 100.0).set("defensive_rating", BigDecimal.valueOf(defensiveRating))
                .set("win_flag", true).set("primary_source_used", "team_boxscore").set("quality_tier", "gold"));
    }

    private RawData analytics(AnalyticsTable table, Row.Builder row)
    {
        TableSchema schema = AnalyticsSchemas.forTable(table).orElseThrow();
        return add(schema.ref(), RowHash.stamp(schema, row.set("processed_at", TableRuns.PROCESSED_AT).build()));
    }

    RawData add(TableRef table, Row row)
    {
        rows.computeIfAbsent(table, key -> new ArrayList<>()).add(row);
        return this;
    }

    void writeTo(Warehouse warehouse)
    {
        if (wholeSeasons) {
            rows.computeIfAbsent(RawTables.SCHEDULE, table -> new ArrayList<>()).addAll(seasonFillers());
        }
        rows.forEach((table, tableRows) -> {
            Map<LocalDate, List<Row>> partitions = new TreeMap<>();
            String partitionColumn = table.equals(RawTables.INJURY_REPORT) ? RawTables.REPORT_DATE : "game_date";
            tableRows.forEach(row -> partitions.computeIfAbsent(row.getDate(partitionColumn), date -> new ArrayList<>()).add(row));
            warehouse.replacePartitions(table, partitions);
        });
        if (!travel.isEmpty()) {
            warehouse.replaceAll(RawTables.TRAVEL_DISTANCES, travel);
        }
    }
}
