package dev.backfillfleet.coordinator.output;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Columns aligned to their widest cell: text to the left, numbers to the right. Colour is
 * applied after padding, so escape codes never disturb the alignment.
 */
public final class TextTable
{
    public enum Align
    {
        LEFT,
        RIGHT
    }

    /** A piece of text in one colour. */
    public record Span(String text, Colour colour)
    {
        public Span
        {
            requireNonNull(text, "text is null");
            requireNonNull(colour, "colour is null");
        }
    }

    /** A cell: one or more spans, e.g. a progress bar whose segments have their own colours. */
    public record Cell(List<Span> spans)
    {
        public Cell
        {
            spans = List.copyOf(spans);
        }

        public static Cell of(Object value)
        {
            return of(value, Colour.NONE);
        }

        public static Cell of(Object value, Colour colour)
        {
            return new Cell(List.of(new Span(String.valueOf(value), colour)));
        }

        public String text()
        {
            return spans.stream().map(Span::text).collect(Collectors.joining());
        }

        public String render(Style style)
        {
            return spans.stream().map(span -> style.apply(span.colour(), span.text())).collect(Collectors.joining());
        }
    }

    private final List<String> headers;
    private final List<Align> alignments;
    private final List<List<Cell>> rows = new ArrayList<>();

    public TextTable(List<String> headers, List<Align> alignments)
    {
        if (headers.size() != alignments.size()) {
            throw new IllegalArgumentException("one alignment per header expected");
        }
        this.headers = List.copyOf(headers);
        this.alignments = List.copyOf(alignments);
    }

    public TextTable addRow(List<Cell> cells)
    {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public boolean isEmpty()
    {
        return rows.isEmpty();
    }

    public List<String> render(Style style)
    {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < headers.size(); column++) {
            widths[column] = headers.get(column).length();
            for (List<Cell> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).text().length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(headers.stream().map(header -> Cell.of(header, Colour.BOLD)).toList(), widths, style));
        rows.forEach(row -> lines.add(line(row, widths, style)));
        return lines;
    }

    private String line(List<Cell> cells, int[] widths, Style style)
    {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            Cell cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.text().length());
            boolean last = column == cells.size() - 1;
            String padded = switch (alignments.get(column)) {
                case LEFT -> cell.render(style) + (last ? "" : padding);
                case RIGHT -> padding + cell.render(style);
            };
            line.append(column == 0 ? "" : "  ").append(padded);
        }
        return line.toString();
    }
}
