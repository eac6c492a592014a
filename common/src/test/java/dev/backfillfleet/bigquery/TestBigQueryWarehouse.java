package dev.backfillfleet.bigquery;

import dev.backfillfleet.provision.Provisioning;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.testing.emulators.LocalOnly;
import dev.backfillfleet.warehouse.AbstractWarehouseTest;
import dev.backfillfleet.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;

/** The warehouse contract through the real BigQuery client against a local REST stand-in. */
class TestBigQueryWarehouse
        extends AbstractWarehouseTest
{
    static final String PROJECT = "backfill-fleet-test";

    private TestingBigQueryServer server;

    @BeforeAll
    static void report()
    {
        System.out.println("contract: TestBigQueryWarehouse ran against testing-bigquery-server (local REST stand-in, not BigQuery)");
    }

    @Override
    protected Warehouse createWarehouse()
    {
        server = new TestingBigQueryServer();
        BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of(PROJECT).withHost(server.url()).withMaxTransportAttempts(1);
        LocalOnly.requireLocal(settings.host(), "bigquery settings");
        Provisioning.apply(new BigQuerySetup(settings, SchemaCatalog.standard()));
        return BigQueryWarehouse.create(settings, SchemaCatalog.standard());
    }

    /** BigQuery cannot compare claims; the write timeout bounds how long a job may land instead. */
    @Override
    protected boolean refusesStaleWrites()
    {
        return false;
    }

    /** The job id is the token: a resubmission gets "already exists" and the first job is reused. */
    @Override
    protected boolean keepsTheFirstWriteOfAToken()
    {
        return true;
    }

    @Override
    protected void closeWarehouse()
    {
        if (server != null) {
            server.close();
        }
    }
}
