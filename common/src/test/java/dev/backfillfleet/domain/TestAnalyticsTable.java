package dev.backfillfleet.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TestAnalyticsTable
{
    private static final LocalDate DAY = LocalDate.parse("2024-12-10");

    @Test
    void theDependentsOfTeamOffenseAreThePlayerSummaryOfTheDayAndTheNextMonthOfUpcomingPlayer()
    {
        assertThat(AnalyticsTable.TEAM_OFFENSE.downstreamKeys(DAY))
                .startsWith(new DateKey(AnalyticsTable.PLAYER_SUMMARY, DAY), new DateKey(AnalyticsTable.UPCOMING_PLAYER, DAY.plusDays(1)))
                .endsWith(new DateKey(AnalyticsTable.UPCOMING_PLAYER, DAY.plusDays(30)))
                .hasSize(31);
        assertThat(AnalyticsTable.UPCOMING_PLAYER.downstreamKeys(DAY)).isEmpty();
        assertThat(AnalyticsTable.SYNTHETIC.downstreamKeys(DAY)).isEmpty();
    }

    @Test
    void downstreamIsTheInverseOfUpstream()
    {
        for (AnalyticsTable table : AnalyticsTable.values()) {
            for (DateKey dependent : table.downstreamKeys(DAY)) {
                assertThat(dependent.table().upstreamKeys(dependent.date())).as("%s depends on %s/%s", dependent, table, DAY)
                        .contains(new DateKey(table, DAY));
            }
            for (DateKey upstream : table.upstreamKeys(DAY)) {
                assertThat(upstream.table().downstreamKeys(upstream.date())).as("%s is a dependent of %s", new DateKey(table, DAY), upstream)
                        .contains(new DateKey(table, DAY));
            }
        }
    }
}
