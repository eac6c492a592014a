package dev.backfillfleet.catalog;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What computes a table's dates: a processor built into the worker, the user's SQL, or the user's per-date program. */
public sealed interface TableKind
{
    /** The kind's name as {@code coordinator tables} lists it. */
    String label();

    /** A Java processor of the worker, found by the table's name. */
    record BuiltIn()
            implements TableKind
    {
        @Override
        public String label()
        {
            return "built-in";
        }
    }

    /** A SELECT returning the date's rows; on BigQuery one query job writes the partition. */
    record Sql(DialectSql select)
            implements TableKind
    {
        public Sql
        {
            requireNonNull(select, "select is null");
        }

        @Override
        public String label()
        {
            return "sql";
        }
    }

    /**
     * A program run once per date ({@code {date}} in its arguments replaced) whose standard output
     * is the date's rows as newline-delimited JSON.
     */
    record Command(List<String> argv, Duration timeout)
            implements TableKind
    {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
        public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

        public Command
        {
            argv = List.copyOf(argv);
            requireNonNull(timeout, "timeout is null");
            if (argv.isEmpty() || argv.get(0).isBlank()) {
                throw new IllegalArgumentException("a command needs a program");
            }
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeout must be 1 s to 24 h, not " + timeout);
            }
        }

        @Override
        public String label()
        {
            return "command";
        }
    }
}
