package dev.backfillfleet.bench;

import dev.backfillfleet.bench.process.ProductLauncher;
import dev.backfillfleet.bench.process.WorkDirectory;

import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The sizes of every measurement, full or {@code --quick}, capped by {@code --max-dates}, and how
 * to name the {@code bin/bench} command that reproduces a figure.
 */
public record BenchSettings(boolean quick, OptionalInt maxDates, List<Integer> slots, List<Integer> growthSizes, boolean emulators,
        WorkDirectory work, ProductLauncher launcher)
{
    public static final List<Integer> FULL_SLOTS = List.of(1, 4, 16, 64, 256);
    public static final List<Integer> QUICK_SLOTS = List.of(1, 4);
    public static final List<Integer> FULL_GROWTH_SIZES = List.of(1_000, 10_000, 100_000, 1_000_000);
    public static final List<Integer> QUICK_GROWTH_SIZES = List.of(100, 1_000);

    public BenchSettings
    {
        requireNonNull(maxDates, "maxDates is null");
        slots = List.copyOf(slots);
        growthSizes = List.copyOf(growthSizes);
        requireNonNull(work, "work is null");
        requireNonNull(launcher, "launcher is null");
    }

    /** {@code dates}, or {@code --max-dates} if that is smaller. */
    public int cap(int dates)
    {
        return maxDates.isPresent() ? Math.min(dates, maxDates.getAsInt()) : dates;
    }

    /** N for W slots: {@code fullDates}, or 5 W with --quick; the run of 2N stays within --max-dates. */
    public int scalingDates(int slots, int fullDates)
    {
        int dates = quick ? slots * 5 : fullDates;
        return Math.max(2, Math.min(dates, cap(2 * dates) / 2));
    }

    /**
     * The W run as worker processes: all of them, but with --quick not W = 1 (when others are
     * asked for), whose two runs are mostly JVM start-up.
     */
    public List<Integer> processSlots()
    {
        List<Integer> split = slots.stream().filter(each -> each > 1).toList();
        return quick && !split.isEmpty() ? split : slots;
    }

    public int enqueueDates()
    {
        return cap(quick ? 2_000 : 20_000);
    }

    public int overheadDates()
    {
        return cap(quick ? 300 : 2_000);
    }

    public int drainSmallBacklog()
    {
        return cap(quick ? 500 : 2_000);
    }

    public int drainLargeBacklog()
    {
        return cap(quick ? 5_000 : 1_000_000);
    }

    /** How many of the large backlog's dates are drained and measured. */
    public int drainMeasured()
    {
        return Math.min(drainLargeBacklog(), quick ? 500 : 20_000);
    }

    /** {@code bin/bench SECTION ...} with the options that shaped this figure. */
    public String reproduce(String section, String options)
    {
        StringBuilder command = new StringBuilder("bin/bench ").append(section);
        if (!options.isEmpty()) {
            command.append(' ').append(options);
        }
        if (quick) {
            command.append(" --quick");
        }
        maxDates.ifPresent(max -> command.append(" --max-dates ").append(max));
        return command.toString();
    }
}
