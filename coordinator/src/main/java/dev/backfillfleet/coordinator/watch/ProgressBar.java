package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Colour;
import dev.backfillfleet.coordinator.output.Style;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import dev.backfillfleet.coordinator.output.TextTable.Span;
import dev.backfillfleet.domain.DateState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bar with one segment per kind of date, in the order work moves through them: done, failed,
 * cancelled, running, queued, pending. A kind with any dates gets at least one character, so a single
 * failure among thousands of dates still shows.
 */
public final class ProgressBar
{
    private enum Segment
    {
        DONE('#', Style.of(DateState.SUCCEEDED)),
        FAILED('x', Style.of(DateState.FAILED)),
        CANCELLED('~', Style.of(DateState.CANCELLED)),
        RUNNING('>', Style.of(DateState.RUNNING)),
        QUEUED('-', Style.of(DateState.QUEUED)),
        PENDING('.', Style.of(DateState.PENDING));

        private final char ascii;
        private final Colour colour;

        Segment(char ascii, Colour colour)
        {
            this.ascii = ascii;
            this.colour = colour;
        }
    }

    private ProgressBar() {}

    public static Cell render(StateCounts counts, int width, Terminal terminal)
    {
        long[] sizes = {
                counts.done(),
                counts.get(DateState.FAILED),
                counts.get(DateState.CANCELLED),
                counts.get(DateState.RUNNING),
                counts.get(DateState.QUEUED),
                counts.get(DateState.PENDING)};
        int[] cells = allocate(sizes, width);
        List<Span> spans = new ArrayList<>();
        spans.add(new Span("[", Colour.NONE));
        for (Segment segment : Segment.values()) {
            int length = cells[segment.ordinal()];
            if (length > 0) {
                spans.add(new Span(String.valueOf(symbol(segment, terminal)).repeat(length), segment.colour));
            }
        }
        spans.add(new Span("]", Colour.NONE));
        return new Cell(spans);
    }

    /** Coloured blocks where colour is on; distinct ASCII symbols otherwise. */
    private static char symbol(Segment segment, Terminal terminal)
    {
        if (!terminal.colour() || !terminal.unicode()) {
            return segment.ascii;
        }
        return segment == Segment.PENDING ? '\u2591' : '\u2588';
    }

    /** Largest-remainder allocation of {@code width} characters, with at least one per non-empty kind. */
    static int[] allocate(long[] sizes, int width)
    {
        int[] cells = new int[sizes.length];
        long total = Arrays.stream(sizes).sum();
        if (total == 0) {
            cells[cells.length - 1] = width;
            return cells;
        }
        double[] remainders = new double[sizes.length];
        int used = 0;
        for (int i = 0; i < sizes.length; i++) {
            double exact = (double) sizes[i] * width / total;
            cells[i] = (int) exact;
            remainders[i] = exact - cells[i];
            used += cells[i];
        }
        while (used < width) {
            int next = indexOfMax(remainders);
            cells[next]++;
            remainders[next] = -1;
            used++;
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] > 0 && cells[i] == 0) {
                cells[i] = 1;
                cells[indexOfMax(cells)]--;
            }
        }
        return cells;
    }

    private static int indexOfMax(double[] values)
    {
        int largest = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[largest]) {
                largest = i;
            }
        }
        return largest;
    }

    private static int indexOfMax(int[] values)
    {
        int largest = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[largest]) {
                largest = i;
            }
        }
        return largest;
    }
}
