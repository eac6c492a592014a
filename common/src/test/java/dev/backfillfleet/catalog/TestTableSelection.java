package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTableSelection
{
    private static final TableCatalog CATALOG = BuiltInTables.catalog();

    @Test
    void shortAndFullNamesAndAll()
    {
        assertThat(TableSelection.parse("team_offense", CATALOG)).containsExactly(AnalyticsTable.TEAM_OFFENSE);
        assertThat(TableSelection.parse("upcoming_player_game_context,team_offense", CATALOG))
                .containsExactly(AnalyticsTable.UPCOMING_PLAYER, AnalyticsTable.TEAM_OFFENSE);
        assertThat(TableSelection.parse("all", CATALOG)).hasSize(5).doesNotContain(AnalyticsTable.SYNTHETIC);
    }

    @Test
    void unknownNameSuggestsTheClosest()
    {
        assertThatThrownBy(() -> TableSelection.parse("upcomming_player", CATALOG))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining("Did you mean upcoming_player");
    }

    @Test
    void upstreamDependenciesArePerDate()
    {
        var date = java.time.LocalDate.parse("2024-11-30");
        assertThat(CATALOG.upstreamKeys(new DateKey(AnalyticsTable.TEAM_OFFENSE, date))).isEmpty();
        assertThat(CATALOG.upstreamKeys(new DateKey(AnalyticsTable.PLAYER_SUMMARY, date))).containsExactly(new DateKey(AnalyticsTable.TEAM_OFFENSE, date));
        assertThat(CATALOG.upstreamKeys(new DateKey(AnalyticsTable.UPCOMING_PLAYER, date))).hasSize(90)
                .contains(new DateKey(AnalyticsTable.TEAM_DEFENSE, date.minusDays(30)), new DateKey(AnalyticsTable.PLAYER_SUMMARY, date.minusDays(1)))
                .doesNotContain(new DateKey(AnalyticsTable.PLAYER_SUMMARY, date));
    }
}
