package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One table the fleet can backfill, as data: its warehouse name (unique among all tables), the
 * name operators may type instead, where it lives, its output columns, the upstream dates each of
 * its dates needs, whether a date without games is NO_GAMES without running anything, how many
 * rows a date must have, and what computes it. The built-in tables and the user's are the same
 * kind of entry ({@link TableCatalog}).
 */
public record TableDefinition(
        String name,
        Optional<String> shortName,
        Optional<String> dataset,
        String partitionColumn,
        List<Column> columns,
        List<Dependency> dependsOn,
        boolean gamesOnly,
        Optional<DialectSql> expectedRows,
        TableKind kind)
{
    /** The dataset of a table whose definition names none: the analytics dataset (BigQuery maps it to the configured one). */
    public static final String DEFAULT_DATASET = "nba_analytics";
    public static final String DEFAULT_PARTITION_COLUMN = "game_date";

    public TableDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(shortName, "shortName is null");
        requireNonNull(dataset, "dataset is null");
        requireNonNull(partitionColumn, "partitionColumn is null");
        columns = List.copyOf(columns);
        dependsOn = List.copyOf(dependsOn);
        requireNonNull(expectedRows, "expectedRows is null");
        requireNonNull(kind, "kind is null");
        requireName("table name", name);
        shortName.ifPresent(value -> requireName("short name", value));
        dataset.ifPresent(value -> requireName("dataset", value));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(name + ": no columns");
        }
        Set<String> upstreams = new HashSet<>();
        for (Dependency dependency : dependsOn) {
            if (!upstreams.add(dependency.upstream())) {
                throw new IllegalArgumentException(name + ": depends on " + dependency.upstream() + " twice");
            }
        }
        // the schema checks the columns and the partition column
        new TableSchema(new TableRef(dataset.orElse(DEFAULT_DATASET), name), columns, Optional.of(partitionColumn));
    }

    public static boolean isValidName(String value)
    {
        return AnalyticsTable.isValidName(value);
    }

    private static void requireName(String what, String value)
    {
        if (!isValidName(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' must be lower snake case: a letter, then letters, digits and _ (at most 128)");
        }
    }

    public AnalyticsTable table()
    {
        return new AnalyticsTable(name);
    }

    public TableRef ref()
    {
        return new TableRef(dataset.orElse(DEFAULT_DATASET), name);
    }

    public TableSchema schema()
    {
        return TableSchema.partitioned(ref(), partitionColumn, columns);
    }

    /** The short name if it has one, else the name: what operators read in tables and logs. */
    public String displayName()
    {
        return shortName.orElse(name);
    }

    public boolean hasUpstreams()
    {
        return !dependsOn.isEmpty();
    }
}
