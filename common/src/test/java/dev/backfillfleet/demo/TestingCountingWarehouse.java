package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A warehouse that keeps only row counts per (table, date), for seeding millions of rows in a
 * test, and the (few) rows of unpartitioned tables. Every {@code sampleEvery}-th row is validated
 * against its raw schema; a partition written twice is an error.
 */
final class TestingCountingWarehouse
        implements Warehouse
{
    private final Map<TableRef, TableSchema> schemas = RawTables.all().stream().collect(Collectors.toMap(TableSchema::ref, Function.identity()));
    private final Map<TableRef, Map<LocalDate, Long>> counts = new HashMap<>();
    private final Map<TableRef, List<Row>> unpartitioned = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private final int sampleEvery;
    private long seen;
    private int calls;

    TestingCountingWarehouse(int sampleEvery)
    {
        this.sampleEvery = sampleEvery;
    }

    Map<LocalDate, Long> counts(TableRef table)
    {
        return counts.getOrDefault(table, Map.of());
    }

    long total(TableRef table)
    {
        return unpartitioned.containsKey(table) ? unpartitioned.get(table).size() : counts(table).values().stream().mapToLong(Long::longValue).sum();
    }

    int replacePartitionsCalls()
    {
        return calls;
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates, List<String> columns)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public List<Row> readAll(TableRef table, List<String> columns)
    {
        return readAll(table).stream().map(row -> row.project(columns)).toList();
    }

    @Override
    public List<Row> readAll(TableRef table)
    {
        if (schema(table).partitionColumn().isPresent()) {
            throw new UnsupportedOperationException("counting only");
        }
        return unpartitioned.getOrDefault(table, List.of());
    }

    @Override
    public long replacePartition(TableRef table, LocalDate date, List<Row> rows, dev.backfillfleet.warehouse.WriteToken token)
    {
        replacePartitions(table, Map.of(date, rows));
        return rows.size();
    }

    @Override
    public void replacePartitions(TableRef table, Map<LocalDate, List<Row>> partitions)
    {
        calls++;
        TableSchema schema = schema(table);
        partitions.forEach((date, rows) -> {
            if (!written.add(table + "/" + date)) {
                throw new IllegalStateException(table + " partition " + date + " written twice");
            }
            rows.forEach(row -> check(schema, row));
            counts.computeIfAbsent(table, key -> new HashMap<>()).put(date, (long) rows.size());
        });
    }

    @Override
    public void replaceAll(TableRef table, List<Row> rows)
    {
        TableSchema schema = schema(table);
        rows.forEach(row -> check(schema, row));
        unpartitioned.put(table, List.copyOf(rows));
    }

    @Override
    public long countPartition(TableRef table, LocalDate date)
    {
        return counts(table).getOrDefault(date, 0L);
    }

    private TableSchema schema(TableRef table)
    {
        TableSchema schema = schemas.get(table);
        if (schema == null) {
            throw new IllegalArgumentException("not a raw table: " + table);
        }
        return schema;
    }

    private void check(TableSchema schema, Row row)
    {
        if (seen++ % sampleEvery == 0) {
            schema.validate(row);
        }
    }

    @Override
    public java.util.Optional<List<dev.backfillfleet.warehouse.Column>> describeTable(TableRef table)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public List<Row> readColumns(TableRef table, String dateColumn, DateRange dates, List<dev.backfillfleet.warehouse.Column> columns)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public dev.backfillfleet.catalog.SqlDialect dialect()
    {
        return dev.backfillfleet.catalog.SqlDialect.EMBEDDED;
    }

    @Override
    public String sqlTableName(TableRef table)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public dev.backfillfleet.warehouse.PartitionWrite replacePartitionWithSelect(TableRef table, LocalDate date, String select, dev.backfillfleet.warehouse.WriteToken token)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public long selectCount(String select, LocalDate date)
    {
        throw new UnsupportedOperationException("counting only");
    }

    @Override
    public List<dev.backfillfleet.warehouse.SelectedColumn> describeSelect(String select)
    {
        throw new UnsupportedOperationException("counting only");
    }
}
