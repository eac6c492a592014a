package dev.backfillfleet.coordinator.compare;

import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The columns that match a row of ours with a row of the other table, and where they come from.
 * A built-in table is matched on the real table's MERGE key (real-warehouse.md section 2: the
 * real pipeline writes through a MERGE on it, so it is unique there). A catalog table declares no
 * key: its key is derived from our rows, as the partition column and then the fewest leading
 * columns of its definition, in order and leaving out FLOAT64 and NUMERIC ones, that tell our rows
 * of the compared dates apart.
 */
public record CompareKey(List<String> columns, String source)
{
    private static final Map<String, List<String>> REAL_MERGE_KEYS = Map.of(
            "team_offense_game_summary", List.of("game_date", "team_abbr"),
            "team_defense_game_summary", List.of("game_date", "defending_team_abbr"),
            "player_game_summary", List.of("game_date", "player_lookup"),
            "upcoming_player_game_context", List.of("game_date", "player_lookup"),
            "upcoming_team_game_context", List.of("game_date", "team_abbr"));

    public CompareKey
    {
        columns = List.copyOf(columns);
        requireNonNull(source, "source is null");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a key has at least one column");
        }
    }

    /** The key of {@code table}: the real MERGE key of a built-in table, else derived from {@code rows} (ours, or theirs when we have none). */
    public static CompareKey of(TableDefinition table, List<Row> rows)
    {
        List<String> merge = REAL_MERGE_KEYS.get(table.name());
        if (merge != null) {
            return new CompareKey(merge, "the real table's MERGE key");
        }
        List<String> key = new ArrayList<>(List.of(table.partitionColumn()));
        List<String> candidates = table.columns().stream()
                .filter(column -> !column.name().equals(table.partitionColumn()))
                .filter(column -> column.type() != ColumnType.FLOAT64 && column.type() != ColumnType.NUMERIC)
                .map(Column::name)
                .toList();
        for (String candidate : candidates) {
            if (isUnique(rows, key)) {
                break;
            }
            key.add(candidate);
        }
        if (!isUnique(rows, key)) {
            throw new KeyNotFound(table.name() + ": no columns tell its rows apart (every non-decimal column together repeats); "
                    + "compare needs a key");
        }
        return new CompareKey(key, "derived: the first columns of the definition that tell our rows apart");
    }

    public List<Object> of(Row row)
    {
        List<Object> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            values.add(row.get(column));
        }
        return values;
    }

    private static boolean isUnique(List<Row> rows, List<String> key)
    {
        Set<List<Object>> seen = new HashSet<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>();
            key.forEach(column -> values.add(row.get(column)));
            if (!seen.add(values)) {
                return false;
            }
        }
        return true;
    }

    /** No key could be derived for a catalog table. */
    public static final class KeyNotFound
            extends RuntimeException
    {
        KeyNotFound(String message)
        {
            super(message);
        }
    }
}
