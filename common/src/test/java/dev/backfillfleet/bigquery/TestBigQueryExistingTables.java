package dev.backfillfleet.bigquery;

import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.PlannedChange.Action;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioning;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real warehouse's raw tables exist before the fleet does, with many more columns than it reads,
 * other modes, and views: setup's plan (what {@code setup --dry-run} and {@code doctor} print) and a
 * worker's start-up check accept them, and name only a column the fleet reads that is missing or of
 * another type.
 */
class TestBigQueryExistingTables
{
    private static final Map<String, String> DATASETS = Map.of("nba_raw", "nba_raw_prod");

    private TestingBigQueryServer server;
    private BigQuerySetup setup;
    private RealShapedTables real;

    @BeforeEach
    void setUp()
    {
        server = new TestingBigQueryServer();
        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of(TestBigQueryWarehouse.PROJECT).withHost(server.url()).withDatasets(DATASETS)
                .withMaxTransportAttempts(1);
        setup = new BigQuerySetup(settings, SchemaCatalog.standard());
        Provisioning.apply(setup);
        real = new RealShapedTables(server.url(), TestBigQueryWarehouse.PROJECT, DATASETS);
        real.createAll();
    }

    @AfterEach
    void tearDown()
    {
        server.close();
    }

    @Test
    void rawTablesAndViewsWithMoreColumnsThanReadAreAcceptedAsTheyAre()
    {
        List<PlannedChange> plan = setup.plan();
        assertThat(plan).extracting(PlannedChange::action).containsOnly(Action.NONE);
        assertThat(plan).filteredOn(change -> change.resource().endsWith("nba_raw_prod.nbac_schedule")).singleElement()
                .satisfies(change -> assertThat(change.detail()).isEqualTo("a view with the 14 columns the fleet reads (and 4 it does not)"));
        assertThat(plan).filteredOn(change -> change.resource().endsWith("nba_raw_prod.nbac_team_boxscore")).singleElement()
                .satisfies(change -> assertThat(change.detail()).startsWith("a table with the ").endsWith(" (and 4 it does not)"));
        setup.check(ProcessRole.WORKER);
    }

    @Test
    void aMissingColumnTheFleetReadsIsOneFindingNamingIt()
    {
        real.replace(RawTables.TEAM_BOXSCORE, fields -> RealShapedTables.without(fields, "fg_attempted"));
        List<PlannedChange> manual = setup.plan().stream().filter(change -> change.action() != Action.NONE).toList();
        assertThat(manual).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Action.MANUAL);
            assertThat(change.resource()).isEqualTo("table " + TestBigQueryWarehouse.PROJECT + ".nba_raw_prod.nbac_team_boxscore");
            assertThat(change.detail()).startsWith("the table lacks what the fleet reads: column fg_attempted (INT64) is missing; add it");
        });
        assertThatThrownBy(() -> setup.check(ProcessRole.WORKER))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.ENVIRONMENT))
                .hasMessageContaining("nba_raw_prod.nbac_team_boxscore lacks what the fleet reads: column fg_attempted (INT64) is missing");
    }

    @Test
    void aColumnOfAnotherTypeIsNamedWithTheTypeNeeded()
    {
        real.replace(RawTables.SCHEDULE, fields -> RealShapedTables.retyped(fields, "game_status", StandardSQLTypeName.STRING));
        assertThat(setup.plan()).filteredOn(change -> change.action() != Action.NONE).singleElement()
                .satisfies(change -> assertThat(change.detail()).startsWith("the view lacks what the fleet reads: column game_status is STRING, not INT64"));
    }

    @Test
    void anAnalyticsTableIsTheFleetsAndStaysStrict()
    {
        // the fleet writes these: a view, or a NUMERIC of another scale, is for a person to resolve
        new RealShapedTables(server.url(), TestBigQueryWarehouse.PROJECT, Map.of()).replace(AnalyticsSchemas.ref(AnalyticsTable.TEAM_OFFENSE),
                fields -> fields);
        assertThat(setup.plan()).filteredOn(change -> change.action() != Action.NONE).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Action.MANUAL);
            assertThat(change.detail()).contains("columns differ from the schema");
        });
    }
}
