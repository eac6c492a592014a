package dev.backfillfleet.embedded;

import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.AbstractWarehouseTest;
import dev.backfillfleet.warehouse.Warehouse;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class TestSqliteWarehouse
        extends AbstractWarehouseTest
{
    @TempDir
    Path directory;
    private SqliteWarehouse sqliteWarehouse;

    @Override
    protected Warehouse createWarehouse()
    {
        sqliteWarehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        return sqliteWarehouse;
    }

    @Override
    protected void closeWarehouse()
    {
        sqliteWarehouse.close();
    }
}
