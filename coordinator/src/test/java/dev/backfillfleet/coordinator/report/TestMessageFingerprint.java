package dev.backfillfleet.coordinator.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestMessageFingerprint
{
    @Test
    void takesOutWhatVariesFromDateToDate()
    {
        assertThat(MessageFingerprint.of("synthetic permanent failure on 2024-01-05 (BACKFILL_SYNTHETIC_FAIL_DATES)"))
                .isEqualTo("synthetic permanent failure on <date> (BACKFILL_SYNTHETIC_FAIL_DATES)");
        assertThat(MessageFingerprint.of("expected 24 rows, wrote 22 at 2024-01-05T03:15:00.123Z"))
                .isEqualTo("expected <n> rows, wrote <n> at <time>");
        assertThat(MessageFingerprint.of("upstream team_offense/2024-01-04 FAILED: source table 'nbac_gamebook' has no rows for \"0022300123\""))
                .isEqualTo("upstream team_offense/<date> FAILED: source table '<value>' has no rows for \"<value>\"");
        assertThat(MessageFingerprint.of("lease of synthetic/2024-01-05 taken over by myhost-4242-1a2b3c (attempt 3)"))
                .isEqualTo("lease of synthetic/<date> taken over by myhost-<n>-<id> (attempt <n>)");
        assertThat(MessageFingerprint.of("job 6f1c2a9e-0b1d-4c3e-9f00-123456789abc failed; see job_Xy12ab9Kq"))
                .isEqualTo("job <id> failed; see job_<id>");
    }

    @Test
    void incompleteHistoriesOfDifferentDatesAreOneCause()
    {
        String early = "upcoming_team_game_context: the season's schedule before 2024-11-16 (2024-10-01..2024-11-15) is incomplete:"
                + " nba_raw.nbac_schedule does not hold the 2024-25 season whole: it lacks 237 of the regular-season games numbered 1 to 240"
                + " (0022400001..0022400200, 0022400202..0022400219, 0022400221..0022400239); import the season's whole schedule, every game,"
                + " as the real loader writes it";
        String later = "upcoming_team_game_context: the season's schedule before 2025-01-08 (2024-10-01..2025-01-07) is incomplete:"
                + " nba_raw.nbac_schedule does not hold the 2024-25 season whole: it lacks 237 of the regular-season games numbered 1 to 240"
                + " (0022400001..0022400200, 0022400202..0022400219, 0022400221..0022400239); import the season's whole schedule, every game,"
                + " as the real loader writes it";
        assertThat(MessageFingerprint.of(later)).isEqualTo(MessageFingerprint.of(early));
        // a single date stays a date
        assertThat(MessageFingerprint.of("failed on 2024-01-05, retry")).isEqualTo("failed on <date>, retry");
    }

    @Test
    void aMissingInputOfDifferentGamesAndTeamsIsOneCause()
    {
        String boston = "game 20241022_NYK_BOS (0022400061) is final but BOS has no valid row in nba_raw.nbac_team_boxscore and only 0 active"
                + " players in nba_raw.nbac_gamebook_player_stats";
        String charlotte = "game 20241108_IND_CHA (0022400184) is final but CHA has no valid row in nba_raw.nbac_team_boxscore and only 3 active"
                + " players in nba_raw.nbac_gamebook_player_stats";
        assertThat(MessageFingerprint.of(charlotte)).isEqualTo(MessageFingerprint.of(boston))
                .isEqualTo("game <game> (<id>) is final but <team> has no valid row in nba_raw.nbac_team_boxscore and only <n> active players in"
                        + " nba_raw.nbac_gamebook_player_stats");
        // other capitals are words, not teams
        assertThat(MessageFingerprint.of("FAILED (PERMANENT): DNP in UTC")).isEqualTo("FAILED (PERMANENT): DNP in UTC");
    }

    @Test
    void hexIdsGroupTogetherEvenWhenOneHasNoLetter()
    {
        assertThat(MessageFingerprint.of("bigquery job bq-12345678 failed")).isEqualTo(MessageFingerprint.of("bigquery job bq-1a2b3c4d failed"));
    }

    @Test
    void leavesWordsAndApostrophesAlone()
    {
        assertThat(MessageFingerprint.of("can't  reach   the warehouse; it doesn't answer"))
                .isEqualTo("can't reach the warehouse; it doesn't answer");
        assertThat(MessageFingerprint.of("")).isEmpty();
    }
}
