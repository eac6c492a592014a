package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.FleetException;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --range A..B} or {@code --dates d1,d2}: the dates an operator asks for. */
public final class DateOptions
{
    @Option(names = "--range", paramLabel = "A..B", description = "Dates from A to B, both inclusive, e.g. 2024-10-22..2025-04-13.")
    String range;

    @Option(names = "--dates", paramLabel = "D1,D2", description = "A comma list of dates (or ranges).")
    String dates;

    public DateSelection required()
    {
        return optional().orElseThrow(() -> FleetException.userError("give the dates with --range A..B or --dates d1,d2"));
    }

    public Optional<DateSelection> optional()
    {
        if (range != null && dates != null) {
            throw FleetException.userError("give either --range or --dates, not both");
        }
        if (range != null) {
            if (!range.contains("..")) {
                throw FleetException.userError("--range '" + range + "' needs the form A..B, e.g. 2024-10-22..2025-04-13 (use --dates for single dates)");
            }
            return Optional.of(DateSelection.parse(range));
        }
        return Optional.ofNullable(dates).map(DateSelection::parse);
    }

    public Optional<DateRange> span()
    {
        return optional().map(DateSelection::span);
    }
}
