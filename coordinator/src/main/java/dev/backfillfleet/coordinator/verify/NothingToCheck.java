package dev.backfillfleet.coordinator.verify;

import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.schema.RawTables;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Why a table had no countable date in a range: what the schedule holds there, and what ran. */
final class NothingToCheck
{
    private NothingToCheck() {}

    static String why(GameDates.Eligible eligible, List<DateRecord> recorded)
    {
        return scheduleReason(eligible) + "; " + recordsReason(recorded);
    }

    private static String scheduleReason(GameDates.Eligible eligible)
    {
        if (eligible.bootstrapDates().isEmpty()) {
            return "the schedule (" + RawTables.SCHEDULE + ") has no game on any date of the range";
        }
        int count = eligible.bootstrapDates().size();
        return "the range's " + count + " game date" + (count == 1 ? "" : "s") + " all fall in the first " + GameDates.BOOTSTRAP_DAYS
                + " days of a season, the bootstrap period verify does not count (counting starts on " + eligible.countingStarts().first() + ")";
    }

    private static String recordsReason(List<DateRecord> recorded)
    {
        if (recorded.isEmpty()) {
            return "the table was never enqueued for any date of the range";
        }
        Map<DateState, Long> byState = recorded.stream()
                .collect(Collectors.groupingBy(DateRecord::state, () -> new EnumMap<>(DateState.class), Collectors.counting()));
        return "its " + recorded.size() + " enqueued date" + (recorded.size() == 1 ? "" : "s") + " there are not counted ("
                + byState.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")) + ")";
    }
}
