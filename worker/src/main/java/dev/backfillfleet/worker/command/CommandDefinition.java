package dev.backfillfleet.worker.command;

import dev.backfillfleet.warehouse.Column;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What the catalog says about a command table: its name, the program's argv with {@value #DATE_PLACEHOLDER}
 * standing for the date, how long one date may run, and the columns its output rows must fit.
 */
public record CommandDefinition(String table, List<String> argv, Duration timeout, List<Column> columns)
{
    public static final String DATE_PLACEHOLDER = "{date}";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    public CommandDefinition
    {
        requireNonNull(table, "table is null");
        requireNonNull(timeout, "timeout is null");
        argv = List.copyOf(argv);
        columns = List.copyOf(columns);
        if (table.isBlank()) {
            throw new IllegalArgumentException("a command table needs a name");
        }
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new IllegalArgumentException(table + ": command needs a program to run");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(table + ": timeout must be positive, got " + timeout);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(table + ": a command table needs columns");
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException(table + ": column '" + column.name() + "' appears twice");
            }
        }
    }

    public static CommandDefinition withDefaultTimeout(String table, List<String> argv, List<Column> columns)
    {
        return new CommandDefinition(table, argv, DEFAULT_TIMEOUT, columns);
    }

    /** The argv for {@code date}: every {@value #DATE_PLACEHOLDER} in every element replaced by the ISO date. */
    public List<String> argvFor(LocalDate date)
    {
        String iso = date.toString();
        return argv.stream().map(argument -> argument.replace(DATE_PLACEHOLDER, iso)).toList();
    }
}
