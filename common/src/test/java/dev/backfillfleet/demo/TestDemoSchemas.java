package dev.backfillfleet.demo;

import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.backfillfleet.schema.RawTables.TRAVEL_DISTANCES;
import static org.assertj.core.api.Assertions.assertThat;

class TestDemoSchemas
{
    private static final int SEASON = SharedDemoLeague.SEASON;

    @Test
    void everyRowOfASeasonValidatesAgainstItsRawTableSchema()
    {
        for (TableSchema schema : RawTables.all()) {
            List<Row> rows = schema.ref().equals(TRAVEL_DISTANCES) ? new DemoRawTables(SharedDemoLeague.league()).travelDistances()
                    : SharedDemoLeague.rows(schema.ref(), SEASON);
            assertThat(rows).as(schema.ref().toString()).isNotEmpty();
            for (Row row : rows) {
                Row validated = schema.validate(row);
                assertThat(validated.values()).as("%s keeps its values", schema.ref()).isEqualTo(row.values());
            }
            assertThat(rows.get(0).values().keySet()).as("%s has every column", schema.ref()).containsExactlyElementsOf(schema.columnNames());
        }
    }

    @Test
    void partitionedRowsCarryTheirPartitionDate()
    {
        for (TableRef table : DemoRawTables.PARTITIONED_TABLES) {
            String partitionColumn = RawTables.all().stream().filter(schema -> schema.ref().equals(table)).findFirst().orElseThrow().partitionColumn().orElseThrow();
            SharedDemoLeague.partitions(table, SEASON).forEach((date, rows) ->
                    assertThat(rows).allSatisfy(row -> assertThat(row.getDate(partitionColumn)).isEqualTo(date)));
        }
    }
}
