package dev.backfillfleet.schema;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every table the warehouse knows: the raw inputs and the analytics outputs. */
public final class SchemaCatalog
{
    private final Map<TableRef, TableSchema> schemas = new LinkedHashMap<>();

    public SchemaCatalog(Collection<TableSchema> tables)
    {
        for (TableSchema schema : tables) {
            if (schemas.put(schema.ref(), schema) != null) {
                throw new IllegalArgumentException("table defined twice: " + schema.ref());
            }
        }
    }

    public static SchemaCatalog standard()
    {
        var tables = new java.util.ArrayList<TableSchema>(RawTables.all());
        tables.addAll(AnalyticsSchemas.all());
        return new SchemaCatalog(tables);
    }

    public TableSchema schema(TableRef table)
    {
        TableSchema schema = schemas.get(table);
        if (schema == null) {
            throw FleetException.userError("unknown warehouse table '" + table + "'. Known tables: " + schemas.keySet());
        }
        return schema;
    }

    public Collection<TableSchema> all()
    {
        return schemas.values();
    }
}
