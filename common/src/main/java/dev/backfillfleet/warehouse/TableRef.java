package dev.backfillfleet.warehouse;

import static java.util.Objects.requireNonNull;

/** A warehouse table: {@code dataset.table}, e.g. {@code nba_raw.nbac_team_boxscore}. */
public record TableRef(String dataset, String table)
{
    public TableRef
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(table, "table is null");
        if (!dataset.matches("[a-z][a-z0-9_]*") || !table.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("dataset and table must be lower snake case: " + dataset + "." + table);
        }
    }

    public static TableRef parse(String qualifiedName)
    {
        int dot = qualifiedName.indexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("expected dataset.table, got '" + qualifiedName + "'");
        }
        return new TableRef(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    @Override
    public String toString()
    {
        return dataset + "." + table;
    }
}
