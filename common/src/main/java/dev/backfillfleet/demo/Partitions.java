package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects rows by partition date, dates in order. */
final class Partitions
{
    private final Map<LocalDate, List<Row>> rows = new TreeMap<>();

    void add(LocalDate date, Row row)
    {
        partition(date).add(row);
    }

    /** The mutable row list of one date, for adding many rows at once. */
    List<Row> partition(LocalDate date)
    {
        return rows.computeIfAbsent(date, key -> new ArrayList<>());
    }

    Map<LocalDate, List<Row>> build()
    {
        return rows;
    }
}
