package dev.backfillfleet.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTableSelection
{
    @Test
    void shortAndFullNamesAndAll()
    {
        assertThat(TableSelection.parse("team_offense")).containsExactly(AnalyticsTable.TEAM_OFFENSE);
        assertThat(TableSelection.parse("upcoming_player_game_context,team_offense"))
                .containsExactly(AnalyticsTable.UPCOMING_PLAYER, AnalyticsTable.TEAM_OFFENSE);
        assertThat(TableSelection.parse("all")).hasSize(5).doesNotContain(AnalyticsTable.SYNTHETIC);
    }

    @Test
    void unknownNameSuggestsTheClosest()
    {
        assertThatThrownBy(() -> TableSelection.parse("upcomming_player"))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining("Did you mean upcoming_player");
    }

    @Test
    void upstreamDependenciesArePerDate()
    {
        var date = java.time.LocalDate.parse("2024-11-30");
        assertThat(AnalyticsTable.TEAM_OFFENSE.upstreamKeys(date)).isEmpty();
        assertThat(AnalyticsTable.PLAYER_SUMMARY.upstreamKeys(date)).containsExactly(new DateKey(AnalyticsTable.TEAM_OFFENSE, date));
        assertThat(AnalyticsTable.UPCOMING_PLAYER.upstreamKeys(date)).hasSize(90)
                .contains(new DateKey(AnalyticsTable.TEAM_DEFENSE, date.minusDays(30)), new DateKey(AnalyticsTable.PLAYER_SUMMARY, date.minusDays(1)))
                .doesNotContain(new DateKey(AnalyticsTable.PLAYER_SUMMARY, date));
    }
}
