package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.ProgressMeter;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Colour;
import dev.backfillfleet.coordinator.output.Style;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TerminalWidth;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import dev.backfillfleet.coordinator.output.TextTable;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.backfillfleet.coordinator.output.TextTable.Align.LEFT;
import static dev.backfillfleet.coordinator.output.TextTable.Align.RIGHT;

/**
 * What {@code watch} and {@code run} show: on a terminal a block of aligned lines (redrawn in
 * place), otherwise one self-contained line per table, fit for a log file.
 */
public final class WatchFrame
{
    private static final int BAR_WIDTH = 30;
    private static final int MINIMUM_BAR_WIDTH = 8;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String PAUSED = "PAUSED";

    private final Terminal terminal;
    private final Optional<DateRange> range;
    private final TableCatalog catalog;

    public WatchFrame(Terminal terminal, Optional<DateRange> range, TableCatalog catalog)
    {
        this.terminal = terminal;
        this.range = range;
        this.catalog = catalog;
    }

    /** The block redrawn on a terminal, its bar narrowed to fit the terminal's width where that is known. */
    public List<String> block(List<TableProgress> progress, LocalTime time, String refresh, OptionalInt columns)
    {
        List<String> lines = block(progress, time, refresh, BAR_WIDTH);
        int widest = lines.stream().mapToInt(TerminalWidth::visibleLength).max().orElse(0);
        if (columns.isPresent() && widest > columns.getAsInt()) {
            lines = block(progress, time, refresh, Math.max(MINIMUM_BAR_WIDTH, BAR_WIDTH - (widest - columns.getAsInt())));
        }
        return lines;
    }

    private List<String> block(List<TableProgress> progress, LocalTime time, String refresh, int barWidth)
    {
        Style style = terminal.style();
        List<String> lines = new ArrayList<>();
        lines.add(style.apply(Colour.BOLD, "Backfill progress") + range.map(span -> " " + span).orElse("")
                + style.apply(Colour.DIM, " · " + TIME.format(time) + " · " + refresh));
        lines.add("");
        if (progress.isEmpty()) {
            lines.add("No dates recorded yet; waiting for an enqueue.");
            return lines;
        }
        TextTable table = new TextTable(
                List.of("table", "progress", "", "done", "failed", "cancelled", "running", "queued", "pending", "rate", "ETA"),
                List.of(LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT));
        for (TableProgress each : progress) {
            StateCounts counts = each.counts();
            table.addRow(List.of(
                    Cell.of(catalog.displayName(each.table())),
                    ProgressBar.render(counts, barWidth, terminal),
                    Cell.of(percent(counts)),
                    Cell.of(counts.done() + "/" + counts.total(), counts.done() > 0 ? Style.of(DateState.SUCCEEDED) : Colour.NONE),
                    count(counts, DateState.FAILED, counts.get(DateState.FAILED)),
                    count(counts, DateState.CANCELLED, counts.get(DateState.CANCELLED)),
                    count(counts, DateState.RUNNING, counts.get(DateState.RUNNING)),
                    count(counts, DateState.QUEUED, counts.get(DateState.QUEUED)),
                    count(counts, DateState.PENDING, counts.get(DateState.PENDING)),
                    Cell.of(rate(each)),
                    each.paused().isPresent() ? Cell.of(PAUSED, Colour.YELLOW) : Cell.of(ProgressMeter.format(each.eta()))));
        }
        lines.addAll(table.render(style));
        lines.addAll(notes(progress));
        return lines;
    }

    /** One line per table, each complete on its own: for logs and pipes. */
    public List<String> lines(List<TableProgress> progress, LocalTime time)
    {
        if (progress.isEmpty()) {
            return List.of(TIME.format(time) + " no dates recorded yet; waiting for an enqueue");
        }
        List<String> lines = new ArrayList<>();
        for (TableProgress each : progress) {
            StateCounts counts = each.counts();
            lines.add(String.format(Locale.ROOT, "%s %s %s %s | done %d (no games %d), failed %d, cancelled %d, running %d, queued %d, pending %d of %d | %s | %s",
                    TIME.format(time), catalog.displayName(each.table()), ProgressBar.render(counts, BAR_WIDTH, Terminal.plain()).text(), percent(counts),
                    counts.done(), counts.get(DateState.NO_GAMES), counts.get(DateState.FAILED), counts.get(DateState.CANCELLED),
                    counts.get(DateState.RUNNING), counts.get(DateState.QUEUED), counts.get(DateState.PENDING), counts.total(), rate(each),
                    each.paused().isPresent() ? PAUSED : "ETA " + ProgressMeter.format(each.eta())));
        }
        lines.addAll(notes(progress));
        return lines;
    }

    /** Why the watch has not ended although nothing moves, and where to look at failures. */
    public List<String> notes(List<TableProgress> progress)
    {
        List<String> notes = new ArrayList<>();
        for (TableProgress each : progress) {
            each.paused().ifPresent(pause -> notes.add(String.format("%s: PAUSED since %s by %s; workers start none of its dates until "
                    + "'coordinator resume --table %s'", catalog.displayName(each.table()), pause.since().truncatedTo(ChronoUnit.SECONDS), pause.by(),
                    catalog.displayName(each.table()))));
            if (each.stalledOnPending()) {
                notes.add(String.format("%s: %d dates in the range were never enqueued; watch waits for every date "
                                + "(enqueue them, or narrow --range)", catalog.displayName(each.table()), each.counts().get(DateState.PENDING)));
            }
        }
        return notes;
    }

    /** The closing line once every date is terminal. */
    public String summary(List<TableProgress> progress)
    {
        long total = progress.stream().mapToLong(each -> each.counts().total()).sum();
        long done = progress.stream().mapToLong(each -> each.counts().done()).sum();
        long failed = progress.stream().mapToLong(each -> each.counts().get(DateState.FAILED)).sum();
        long cancelled = progress.stream().mapToLong(each -> each.counts().get(DateState.CANCELLED)).sum();
        String summary = String.format("Every date is terminal: %d of %d done, %d FAILED%s.", done, total, failed,
                cancelled == 0 ? "" : ", " + cancelled + " CANCELLED");
        return failed == 0 ? summary : summary + " See 'coordinator failed' for the errors, 'coordinator retry --table T --failed' to retry.";
    }

    private static Cell count(StateCounts counts, DateState state, long value)
    {
        boolean highlight = value > 0 && state != DateState.PENDING;
        return Cell.of(value, highlight ? Style.of(state) : Colour.NONE);
    }

    private static String percent(StateCounts counts)
    {
        return counts.total() == 0 ? "--" : counts.terminal() * 100 / counts.total() + "%";
    }

    private static String rate(TableProgress progress)
    {
        return progress.datesPerMinute()
                .map(perMinute -> String.format(Locale.ROOT, perMinute < 10 ? "%.1f/min" : "%.0f/min", perMinute))
                .orElse("--/min");
    }
}
