package dev.backfillfleet.schema;

import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every table the warehouse knows: the raw inputs, fixed in code, and the tables of the table
 * catalog (the built-in outputs and the user's), which may change while a process runs.
 */
public final class SchemaCatalog
{
    private final Map<TableRef, TableSchema> schemas = new LinkedHashMap<>();
    private final Supplier<TableCatalog> catalog;
    private final Supplier<TableCatalog> freshCatalog;

    public SchemaCatalog(Collection<TableSchema> tables)
    {
        this(tables, Optional.empty());
    }

    /** The raw tables and the tables of {@code catalogs}' catalog, read afresh when a table is not in the one at hand. */
    public static SchemaCatalog withCatalog(Catalogs catalogs)
    {
        return new SchemaCatalog(RawTables.all(), Optional.of(catalogs));
    }

    private SchemaCatalog(Collection<TableSchema> tables, Optional<Catalogs> catalogs)
    {
        this.catalog = catalogs.<Supplier<TableCatalog>>map(source -> source::current).orElse(() -> TableCatalog.builtIn(List.of()));
        this.freshCatalog = catalogs.<Supplier<TableCatalog>>map(source -> source::fresh).orElse(catalog);
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
        TableSchema fixed = schemas.get(table);
        if (fixed != null) {
            return fixed;
        }
        return inCatalog(catalog.get(), table)
                .or(() -> inCatalog(freshCatalog.get(), table))
                .orElseThrow(() -> FleetException.userError("unknown warehouse table '" + table + "'. Known tables: "
                        + all().stream().map(TableSchema::ref).toList()));
    }

    private static Optional<TableSchema> inCatalog(TableCatalog catalog, TableRef table)
    {
        return catalog.entries().stream().map(entry -> entry.definition()).filter(definition -> definition.ref().equals(table))
                .findFirst().map(TableDefinition::schema);
    }

    /** Whether the table is one of the fixed ones (raw, static, built-in), not a table of the applied catalog. */
    public boolean isFixed(TableRef table)
    {
        return schemas.containsKey(table);
    }

    /** The fixed tables, then the catalog's as read now. */
    public Collection<TableSchema> all()
    {
        Map<TableRef, TableSchema> all = new LinkedHashMap<>(schemas);
        freshCatalog.get().entries().forEach(entry -> all.putIfAbsent(entry.definition().ref(), entry.definition().schema()));
        return List.copyOf(all.values());
    }
}
