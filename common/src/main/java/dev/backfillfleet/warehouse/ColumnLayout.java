package dev.backfillfleet.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of rows made in bulk, in order, with each name's position: shared by every row
 * a {@link RowMaker} makes, so that a row is its values alone (no map per row) and a schema that
 * saw the layout once can check a row by position.
 */
final class ColumnLayout
{
    private final String[] names;
    private final Map<String, Integer> positions;

    ColumnLayout(List<String> names)
    {
        this.names = names.toArray(String[]::new);
        Map<String, Integer> positions = new HashMap<>();
        for (int index = 0; index < this.names.length; index++) {
            if (positions.put(this.names[index], index) != null) {
                throw new IllegalArgumentException("column " + this.names[index] + " twice in " + names);
            }
        }
        this.positions = Map.copyOf(positions);
    }

    int size()
    {
        return names.length;
    }

    String name(int position)
    {
        return names[position];
    }

    /** The position of {@code name}, or -1. */
    int position(Object name)
    {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }
}
