package dev.backfillfleet.firestore;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One composite index on the state collection: fields in order, each ascending or descending.
 * Firestore needs one for every query that combines an equality filter with a range filter or an
 * order on another field (https://cloud.google.com/firestore/docs/query-data/index-overview).
 */
public record FirestoreIndex(List<Field> fields)
{
    public FirestoreIndex
    {
        fields = List.copyOf(fields);
        if (fields.size() < 2) {
            throw new IllegalArgumentException("a composite index has at least two fields: " + fields);
        }
    }

    public static FirestoreIndex ascending(String... fieldPaths)
    {
        return new FirestoreIndex(java.util.Arrays.stream(fieldPaths).map(path -> new Field(path, Order.ASCENDING)).toList());
    }

    public List<String> fieldPaths()
    {
        return fields.stream().map(Field::path).toList();
    }

    @Override
    public String toString()
    {
        return String.join(", ", fields.stream().map(field -> field.path() + " " + field.order().name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    public record Field(String path, Order order)
    {
        public Field
        {
            requireNonNull(path, "path is null");
            requireNonNull(order, "order is null");
        }
    }

    /** The names are those of the Firestore Admin API and of firestore.indexes.json. */
    public enum Order
    {
        ASCENDING, DESCENDING
    }
}
