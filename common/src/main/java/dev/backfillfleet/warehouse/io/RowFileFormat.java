package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.domain.FleetException;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats an import reads, chosen by the file's extension. */
public enum RowFileFormat
{
    /** A header row of column names, then one row per line (RFC 4180 quoting). */
    CSV,
    /** One JSON object per line, keyed by column name (.ndjson, .jsonl, or .json as BigQuery's export writes it). */
    NDJSON;

    public static RowFileFormat of(Path file)
    {
        if (java.nio.file.Files.isDirectory(file)) {
            throw FleetException.userError(file + " is a directory: name the files to import, e.g. " + file.resolve("*.csv"));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
            return NDJSON;
        }
        throw FleetException.userError(file + ": unknown file type; name it .csv, .json, .ndjson or .jsonl");
    }
}
