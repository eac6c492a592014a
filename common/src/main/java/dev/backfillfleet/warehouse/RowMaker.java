package dev.backfillfleet.warehouse;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Builds rows of one table from values in a fixed column order. The rows share the column layout
 * and keep only their values, read-only (JFR: copying each of the demo league's millions of rows into
 * a map of its own was two fifths of seeding's CPU time); {@link TableSchema#validate} checks such a
 * row by position.
 */
public final class RowMaker
{
    private final ColumnLayout layout;

    public RowMaker(List<String> columns)
    {
        this.layout = new ColumnLayout(columns);
    }

    /** A row of {@code values}, in the maker's column order; the array is copied. */
    public Row row(Object... values)
    {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " values, got " + values.length);
        }
        return new Row(new Values(layout, values.clone()));
    }

    /** A read-only map over a layout and an array of values; {@link Row} keeps it as it is. */
    static final class Values
            extends AbstractMap<String, Object>
    {
        private final ColumnLayout layout;
        private final Object[] values;

        Values(ColumnLayout layout, Object[] values)
        {
            this.layout = layout;
            this.values = values;
        }

        ColumnLayout layout()
        {
            return layout;
        }

        Object at(int position)
        {
            return values[position];
        }

        @Override
        public int size()
        {
            return values.length;
        }

        @Override
        public Object get(Object key)
        {
            int position = layout.position(key);
            return position < 0 ? null : values[position];
        }

        @Override
        public boolean containsKey(Object key)
        {
            return layout.position(key) >= 0;
        }

        @Override
        public Set<Entry<String, Object>> entrySet()
        {
            return new AbstractSet<>()
            {
                @Override
                public int size()
                {
                    return values.length;
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
                            return next < values.length;
                        }

                        @Override
                        public Entry<String, Object> next()
                        {
                            if (next >= values.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, Object> entry = new SimpleImmutableEntry<>(layout.name(next), values[next]);
                            next++;
                            return entry;
                        }
                    };
                }
            };
        }
    }
}
