package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TestCatalogDependencies
{
    private static final LocalDate DAY = LocalDate.parse("2024-12-10");
    private static final TableCatalog CATALOG = BuiltInTables.catalog().apply(CatalogFileParser.parse("t.yaml", """
            tables:
              weekly_points:
                columns: {game_date: DATE REQUIRED}
                depends_on: {team_offense: [-6, 0], synthetic: [2, 3]}
                sql: SELECT 1
            """)).after();

    @Test
    void theDependentsOfTeamOffenseAreThePlayerSummaryOfTheDayAndTheNextMonthOfUpcomingPlayer()
    {
        TableCatalog builtIn = BuiltInTables.catalog();
        assertThat(builtIn.downstreamKeys(new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY)))
                .startsWith(new DateKey(AnalyticsTable.PLAYER_SUMMARY, DAY), new DateKey(AnalyticsTable.UPCOMING_PLAYER, DAY.plusDays(1)))
                .endsWith(new DateKey(AnalyticsTable.UPCOMING_PLAYER, DAY.plusDays(30)))
                .hasSize(31);
        assertThat(builtIn.downstreamKeys(new DateKey(AnalyticsTable.UPCOMING_PLAYER, DAY))).isEmpty();
        assertThat(builtIn.downstreamKeys(new DateKey(AnalyticsTable.SYNTHETIC, DAY))).isEmpty();
        assertThat(builtIn.hasUpstreams(AnalyticsTable.PLAYER_SUMMARY)).isTrue();
        assertThat(builtIn.hasUpstreams(AnalyticsTable.TEAM_DEFENSE)).isFalse();
    }

    @Test
    void downstreamIsTheInverseOfUpstreamForEveryTableAndWindow()
    {
        for (CatalogEntry entry : CATALOG.entries()) {
            AnalyticsTable table = entry.definition().table();
            for (DateKey dependent : CATALOG.downstreamKeys(new DateKey(table, DAY))) {
                assertThat(CATALOG.upstreamKeys(dependent)).as("%s depends on %s/%s", dependent, table, DAY).contains(new DateKey(table, DAY));
            }
            for (DateKey upstream : CATALOG.upstreamKeys(new DateKey(table, DAY))) {
                assertThat(CATALOG.downstreamKeys(upstream)).as("%s is a dependent of %s", new DateKey(table, DAY), upstream).contains(new DateKey(table, DAY));
            }
        }
        assertThat(CATALOG.upstreamKeys(new DateKey(new AnalyticsTable("weekly_points"), DAY)))
                .hasSize(9)
                .contains(new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY.minusDays(6)), new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY),
                        new DateKey(AnalyticsTable.SYNTHETIC, DAY.plusDays(2)), new DateKey(AnalyticsTable.SYNTHETIC, DAY.plusDays(3)));
    }
}
