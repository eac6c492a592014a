package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestDemoTravelDistances
{
    private final List<Row> rows = new DemoRawTables(SharedDemoLeague.league()).travelDistances();
    private final Map<String, Row> byPair = rows.stream().collect(Collectors.toMap(row -> row.getString("from_team") + ">" + row.getString("to_team"), row -> row));

    @Test
    void everyOrderedPairOfDistinctTeamsAsInTheRealTable()
    {
        assertThat(rows).hasSize(870);
        assertThat(byPair).hasSize(870);
        for (DemoTeam team : DemoTeam.all()) {
            assertThat(byPair).doesNotContainKey(team.code() + ">" + team.code());
        }
    }

    @Test
    void symmetricGreatCircleMiles()
    {
        for (Row row : rows) {
            Row back = byPair.get(row.getString("to_team") + ">" + row.getString("from_team"));
            assertThat(back.getLong("distance_miles")).isEqualTo(row.getLong("distance_miles"));
            assertThat(back.getLong("time_zones_crossed")).isEqualTo(row.getLong("time_zones_crossed"));
        }
        assertThat(miles("BOS", "LAL")).isCloseTo(2600, within(60L));
        assertThat(miles("NYK", "BKN")).isBetween(1L, 10L);
        assertThat(miles("MIA", "POR")).isCloseTo(2700, within(80L));
        assertThat(byPair.get("BOS>LAL").getLong("time_zones_crossed")).isEqualTo(3L);
        assertThat(byPair.get("DEN>CHI").getLong("time_zones_crossed")).isEqualTo(1L);
        assertThat(byPair.get("PHX>UTA").getLong("time_zones_crossed")).isZero();
    }

    private long miles(String from, String to)
    {
        return byPair.get(from + ">" + to).getLong("distance_miles");
    }
}
