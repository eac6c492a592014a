package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code coordinator import}: CSV and NDJSON into an empty embedded warehouse, and files that must be refused whole. */
class TestImportCommand
{
    private static final String BOX_HEADER = "game_id,game_date,team_abbr,is_home,minutes,fg_made,fg_attempted,three_pt_made,three_pt_attempted,"
            + "ft_made,ft_attempted,offensive_rebounds,defensive_rebounds,total_rebounds,assists,turnovers,steals,blocks,personal_fouls,points,plus_minus,"
            + "nba_game_id,season_year,processed_at";
    /** The real box score's nba_game_id, season_year and processed_at, after a row's counts. */
    private static final String LOADED = ",0022400101,2024,2026-01-15T12:00:00Z";
    private static final DateRange NOVEMBER = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30"));

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CoordinatorCli cli()
    {
        return new CoordinatorCli(home).set("backfill.demo-data", "false");
    }

    @Test
    void csvRoundTripReplacesOnlyThePartitionsOfItsDates()
            throws IOException
    {
        Path first = write("box.csv",
                BOX_HEADER,
                "20241101_BOS_NYK,2024-11-01,NYK,True,240:00,40,85,12,35,18,22,10,35,45,25,12,7,5,18,110,-3" + LOADED,
                "20241101_BOS_NYK,2024-11-01,BOS,0,240:00,42,88,14,38,15,20,9,33,42,27,14,8,4,20,113," + LOADED,
                "\"20241102_LAL_GSW\",2024-11-02,GSW,true,\"265:00\",45,95,15,40,20,25,12,40,52,30,14,8,6,20,125,1" + LOADED);
        CoordinatorCli.Result result = cli().run("import", "--table", "nba_raw.nbac_team_boxscore", first.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Imported 3 rows into nba_raw.nbac_team_boxscore").contains("2 partition(s), 2024-11-01..2024-11-02")
                .contains("Skipped 4 column(s) of the file(s) that nba_raw.nbac_team_boxscore does not hold (the fleet reads only its own): is_home,"
                        + " nba_game_id, plus_minus, season_year.");

        List<Row> rows = read();
        assertThat(rows).hasSize(3);
        Row newYork = rows.get(0);
        assertThat(newYork.getDate("game_date")).isEqualTo(LocalDate.parse("2024-11-01"));
        assertThat(newYork.getLong("points")).isEqualTo(110L);
        assertThat(newYork.getTimestamp("processed_at")).isEqualTo(Instant.parse("2026-01-15T12:00:00Z"));
        assertThat(rows.get(1).getLong("points")).isEqualTo(113L);
        assertThat(rows.get(2).getString("minutes")).isEqualTo("265:00");

        // a second file for 2024-11-01 only: that partition is replaced, 2024-11-02 stays
        Path second = write("box-fix.csv", BOX_HEADER, "20241101_BOS_NYK,2024-11-01,NYK,1,240:00,41,85,12,35,18,22,10,35,45,25,12,7,5,18,112,-1" + LOADED);
        assertThat(cli().run("import", "--table", "nbac_team_boxscore", second.toString()).exitCode()).isZero();
        assertThat(read()).extracting(row -> row.getString("team_abbr") + " " + row.getLong("points")).containsExactlyInAnyOrder("NYK 112", "GSW 125");
    }

    @Test
    void ndjsonRoundTripConvertsEveryType()
            throws IOException
    {
        Path schedule = write("schedule.ndjson",
                "{\"game_id\": \"0022400061\", \"game_date\": \"2024-10-22\", \"season_year\": 2024, \"is_regular_season\": true,"
                        + " \"game_date_est\": \"2024-10-22 19:30\", \"home_team_tricode\": \"BOS\", \"away_team_tricode\": \"NYK\", \"game_status\": 3,"
                        + " \"home_team_score\": 132, \"away_team_score\": 109, \"processed_at\": \"2026-01-15T12:00:00Z\"}",
                "",
                "{\"game_id\": \"0022400062\", \"game_date\": \"2024-10-22\", \"season_year\": \"2024\", \"is_regular_season\": 1,"
                        + " \"game_date_est\": \"2024-10-23T02:00:00Z\", \"home_team_tricode\": \"LAL\", \"away_team_tricode\": \"MIN\", \"game_status\": 1,"
                        + " \"home_team_score\": null, \"processed_at\": \"2026-01-15T12:00:00Z\"}");
        CoordinatorCli.Result result = cli().run("import", "--table", "nba_raw.nbac_schedule", schedule.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (SqliteWarehouse warehouse = warehouse()) {
            List<Row> rows = warehouse.read(RawTables.SCHEDULE, DateRange.single(LocalDate.parse("2024-10-22")));
            assertThat(rows).hasSize(2);
            // 19:30 in New York in October (EDT, UTC-4) is 23:30 UTC
            assertThat(rows.get(0).getTimestamp("game_date_est")).isEqualTo(Instant.parse("2024-10-22T23:30:00Z"));
            assertThat(rows.get(0).getLong("away_team_score")).isEqualTo(109L);
            assertThat(rows.get(0).getBoolean("is_regular_season")).isTrue();
            assertThat(rows.get(1).getTimestamp("game_date_est")).isEqualTo(Instant.parse("2024-10-23T02:00:00Z"));
            assertThat(rows.get(1).getLong("season_year")).isEqualTo(2024L);
            assertThat(rows.get(1).getBoolean("is_regular_season")).isTrue();
            assertThat(rows.get(1).getLong("home_team_score")).isNull();
            assertThat(rows.get(1).getLong("away_team_score")).as("a missing key is NULL").isNull();
        }
    }

    @Test
    void unpartitionedTableIsReplacedWhole()
            throws IOException
    {
        Path distances = write("travel.csv", "from_team,to_team,distance_miles,time_zones_crossed", "BOS,LAL,2600,3", "LAL,BOS,2600,3");
        assertThat(cli().run("import", "--table", "nba_static.travel_distances", distances.toString()).out()).contains("replacing the whole table");
        Path fewer = write("travel-2.csv", "from_team,to_team,distance_miles,time_zones_crossed", "BOS,NYK,190,0");
        assertThat(cli().run("import", "--table", "nba_static.travel_distances", fewer.toString()).exitCode()).isZero();
        try (SqliteWarehouse warehouse = warehouse()) {
            assertThat(warehouse.readAll(RawTables.TRAVEL_DISTANCES)).extracting(row -> row.getString("to_team")).containsExactly("NYK");
        }
    }

    @Test
    void malformedLineExitsTwoNamingFileLineAndColumnAndWritesNothing()
            throws IOException
    {
        Path good = write("good.csv", BOX_HEADER, "20241101_BOS_NYK,2024-11-01,NYK,true,240:00,40,85,12,35,18,22,10,35,45,25,12,7,5,18,110,-3" + LOADED);
        Path bad = write("bad.csv",
                BOX_HEADER,
                "20241102_BOS_NYK,2024-11-02,NYK,true,240:00,40,85,12,35,18,22,10,35,45,25,12,7,5,18,110,-3" + LOADED,
                "20241102_BOS_NYK,2024-11-02,BOS,false,240:00,42,88,14,38,15,20,9,33,42,27,14,8,4,20,abc,3" + LOADED);
        CoordinatorCli.Result result = cli().run("import", "--table", "nba_raw.nbac_team_boxscore", good.toString(), bad.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(bad + ":3: column 'points': 'abc' is not a whole number")
                .contains("nothing was imported")
                .doesNotContain("at dev.");
        assertThat(read()).as("not even the good file").isEmpty();
    }

    @Test
    void everyKindOfBadLineIsReportedWithItsLine()
            throws IOException
    {
        Path csv = write("bad.csv",
                BOX_HEADER,
                "20241101_BOS_NYK,2024-11-01,NYK,true,240:00,maybe,85,12,35,18,22,10,35,45,25,12,7,5,18,110,-3" + LOADED,
                "20241101_BOS_NYK,2024-11-31,NYK,true,240:00,40,85,12,35,18,22,10,35,45,25,12,7,5,18,110,-3" + LOADED,
                "20241101_BOS_NYK,2024-11-01,NYK,true,240:00,40,85",
                ",2024-11-01,BOS,true,240:00,40,85,12,35,18,22,10,35,45,25,12,7,5,18,110,-3" + LOADED);
        CoordinatorCli.Result result = cli().run("import", "--table", "nba_raw.nbac_team_boxscore", csv.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(csv + ":2: column 'fg_made': 'maybe' is not a whole number")
                .contains(csv + ":3: column 'game_date': '2024-11-31' is not a valid date")
                .contains(csv + ":4: 7 fields, but the header has 24")
                .contains(csv + ":5: column 'game_id': is required but empty");

        Path header = write("header.csv", "game_id,game_date,team,points");
        assertThat(cli().run("import", "--table", "nba_raw.nbac_team_boxscore", header.toString()).err())
                .contains("lacks required column(s) team_abbr, processed_at")
                .doesNotContain("'team'");

        Path json = write("bad.ndjson",
                "{\"report_date\": \"2024-11-01\", \"report_hour\": 17, \"game_date\": \"2024-11-01\", \"team\": \"BOS\","
                        + " \"player_full_name\": \"Jayson Tatum\", \"injury_status\": \"out\", \"processed_at\": \"2024-11-01 17:30\"}",
                "{\"report_date\": \"2024-11-01\", \"team\": \"BOS\"",
                "[1, 2]");
        CoordinatorCli.Result ndjson = cli().run("import", "--table", "nba_raw.nbac_injury_report", json.toString());
        assertThat(ndjson.exitCode()).isEqualTo(2);
        assertThat(ndjson.err())
                .contains(json + ":1: column 'processed_at': '2024-11-01 17:30' has no time zone")
                .contains(json + ":2: malformed JSON")
                .contains(json + ":3: expected a JSON object");

        assertThat(cli().run("import", "--table", "nba_raw.no_such_table", csv.toString()).exitCode()).isEqualTo(2);
        assertThat(cli().run("import", "--table", "nba_raw.nbac_team_boxscore", files.resolve("missing.csv").toString()).err()).contains("no such file");
        assertThat(cli().run("import", "--table", "nba_raw.nbac_team_boxscore", files.resolve("box.txt").toString()).err()).contains("unknown file type");
        assertThat(read()).isEmpty();
    }

    @Test
    void aFileExportedFromARealTableImportsAsItIsItsOtherColumnsSkipped()
            throws IOException
    {
        // bq extract of the real nbac_schedule: every column of the table, timestamps as BigQuery exports them
        String header = "game_id,game_code,season,season_nba_format,season_year,game_date,game_date_est,game_status,game_status_text,home_team_id,"
                + "home_team_tricode,home_team_name,away_team_id,away_team_tricode,away_team_name,arena_name,arena_city,arena_state,is_primetime,"
                + "has_national_tv,primary_network,traditional_networks,streaming_platforms,is_regular_season,is_playoffs,is_all_star,is_emirates_cup,"
                + "playoff_round,is_christmas,is_mlk_day,day_of_week,is_weekend,time_slot,neutral_site_flag,international_game,arena_timezone,"
                + "home_team_score,away_team_score,winning_team_tricode,data_source,source_updated_at,source_file_path,scrape_timestamp,created_at,"
                + "data_hash,processed_at";
        Path export = write("nbac_schedule-export.csv", header,
                "0022400061,20241022/NYKBOS,2024,2024-25,2024,2024-10-22,2024-10-22 23:30:00 UTC,3,Final,1610612738,BOS,Celtics,1610612752,NYK,"
                        + "Knicks,TD Garden,Boston,MA,true,true,TNT,\"[\"\"TNT\"\"]\",[],true,false,false,false,,false,false,tuesday,false,evening,false,false,"
                        + "America/New_York,132,109,BOS,api_stats,2026-01-15 11:00:00 UTC,gs://nba/schedule.json,2026-01-15 11:00:00 UTC,"
                        + "2024-10-01 10:00:00 UTC,4f1c,2026-01-15 12:00:00.123456 UTC");
        CoordinatorCli.Result result = cli().run("import", "--table", "nba_raw.nbac_schedule", export.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Imported 1 rows into nba_raw.nbac_schedule")
                .contains("Skipped 32 column(s) of the file(s) that nba_raw.nbac_schedule does not hold (the fleet reads only its own): arena_city,"
                        + " arena_name, arena_state, arena_timezone, away_team_id, away_team_name, created_at, data_hash, data_source, day_of_week"
                        + " and 22 more.");
        try (SqliteWarehouse warehouse = warehouse()) {
            Row game = warehouse.read(RawTables.SCHEDULE, DateRange.single(LocalDate.parse("2024-10-22"))).get(0);
            assertThat(game.getTimestamp("game_date_est")).isEqualTo(Instant.parse("2024-10-22T23:30:00Z"));
            assertThat(game.getTimestamp("processed_at")).isEqualTo(Instant.parse("2026-01-15T12:00:00.123456Z"));
            assertThat(game.getLong("home_team_score")).isEqualTo(132L);
        }

        // a JSON export of the injury report: INT64 as strings, arrays and nested values in columns the fleet does not read,
        // and a row without report_date, which no read by date reaches
        Path injuries = write("injuries-export.json",
                "{\"report_date\": \"2024-11-01\", \"report_hour\": \"17\", \"game_date\": \"2024-11-01\", \"team\": \"BOS\","
                        + " \"player_full_name\": \"Jayson Tatum\", \"player_lookup\": \"jaysontatum\", \"injury_status\": \"out\","
                        + " \"confidence_score\": 0.95, \"flags\": [\"a\", \"b\"], \"meta\": {\"run\": 3}, \"processed_at\": \"2024-11-01 21:34:00 UTC\"}",
                "{\"report_date\": null, \"report_hour\": \"17\", \"game_date\": \"2024-11-01\", \"team\": \"BOS\", \"injury_status\": \"out\"}");
        CoordinatorCli.Result json = cli().run("import", "--table", "nba_raw.nbac_injury_report", injuries.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("Imported 1 rows into nba_raw.nbac_injury_report").contains("Skipped 3 column(s)")
                .contains("confidence_score, flags, meta").contains("Skipped 1 row(s) without report_date");
    }

    @Test
    void withoutFilesItIsAUsageError()
    {
        CoordinatorCli.Result result = cli().run("import", "--table", "nba_raw.nbac_team_boxscore");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("FILE");
    }

    private Path write(String name, String... lines)
            throws IOException
    {
        return Files.writeString(files.resolve(name), String.join("\n", lines) + "\n");
    }

    private List<Row> read()
    {
        try (SqliteWarehouse warehouse = warehouse()) {
            return warehouse.read(RawTables.TEAM_BOXSCORE, NOVEMBER);
        }
    }

    private SqliteWarehouse warehouse()
    {
        return SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard());
    }
}
