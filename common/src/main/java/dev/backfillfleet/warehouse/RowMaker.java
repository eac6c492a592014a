package dev.backfillfleet.warehouse;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Builds rows of one table from values in a fixed column order, without the intermediate map of
 * {@link Row.Builder} (a row is copied into its own map anyway); a million play-by-play rows
 * make the difference visible.
 */
public final class RowMaker
{
    private final String[] columns;

    public RowMaker(List<String> columns)
    {
        this.columns = columns.toArray(String[]::new);
    }

    public Row row(Object... values)
    {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("expected " + columns.length + " values, got " + values.length);
        }
        return new Row(new Values(columns, values));
    }

    /** A read-only map view over the two arrays, only iterated once by the row's constructor. */
    private static final class Values
            extends AbstractMap<String, Object>
    {
        private final String[] columns;
        private final Object[] values;

        Values(String[] columns, Object[] values)
        {
            this.columns = columns;
            this.values = values;
        }

        @Override
        public int size()
        {
            return columns.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet()
        {
            return new AbstractSet<>()
            {
                @Override
                public int size()
                {
                    return columns.length;
                }

                @Override
                public Iterator<Entry<String, Object>> iterator()
                {
                    return new Iterator<>()
                    {
                        private int next;

                        @Override
                        public boolean hasNext()
                        {
                            return next < columns.length;
                        }

                        @Override
                        public Entry<String, Object> next()
                        {
                            if (next >= columns.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry = new SimpleImmutableEntry<>(columns[next], values[next]);
                            next++;
                            return entry;
                        }
                    };
                }
            };
        }
    }
}
