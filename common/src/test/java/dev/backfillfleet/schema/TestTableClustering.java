package dev.backfillfleet.schema;

import dev.backfillfleet.bigquery.BigQuerySchemas;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.TableSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTableClustering
{
    @Test
    void everyTablesClusteringIsValidForBigQuery()
    {
        for (TableSchema table : SchemaCatalog.standard().all()) {
            assertThat(TableClustering.columns(table)).as(table.ref().toString()).hasSizeLessThanOrEqualTo(TableClustering.MAX_COLUMNS)
                    .allSatisfy(column -> assertThat(TableClustering.CLUSTERABLE_TYPES).contains(table.column(column).orElseThrow().type()));
        }
    }

    @Test
    void theTableDefinitionCarriesTheClustering()
    {
        SchemaCatalog catalog = SchemaCatalog.standard();
        assertThat(BigQuerySchemas.definition(catalog.schema(AnalyticsSchemas.ref(AnalyticsTable.PLAYER_SUMMARY))).getClustering().getFields())
                .containsExactly("player_lookup", "team_abbr");
        assertThat(BigQuerySchemas.definition(catalog.schema(RawTables.TRAVEL_DISTANCES)).getClustering()).isNull();
        assertThat(BigQuerySchemas.definition(catalog.schema(AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC))).getClustering()).isNull();
    }
}
