package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.coordinator.ProgressMeter;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.DateRuns;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.backfillfleet.coordinator.output.Html.escape;

/**
 * A self-contained HTML page (inline CSS and script, no external resources): per table a
 * summary, a bar, a calendar heatmap of the range and the failures grouped by cause.
 */
public final class HtmlReport
{
    private static final int FAILURE_GROUPS_SHOWN = 8;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {}

    /**
     * Writes the page to {@code out}: the summaries from {@code tables}, then every date's record,
     * read again from {@code records} a slice at a time and streamed into the page's data, so that
     * the memory the page takes does not grow with the number of dates.
     */
    public static void write(Writer out, DateRange range, List<TableReport> tables, RecordSource records, Instant generatedAt, String source)
            throws IOException
    {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                """);
        page.append("<title>Backfill report ").append(range).append("</title>\n");
        page.append("<style>\n").append(ReportStyles.CSS).append("</style>\n</head>\n<body>\n");
        header(page, range, tables, generatedAt, source);
        page.append("<main>\n<div class=\"tables\">\n");
        if (tables.isEmpty()) {
            page.append("<p class=\"none\">No table has dates recorded in this range.</p>\n");
        }
        tables.forEach(table -> tableSection(page, table));
        page.append("""
                </div>
                <aside class="details" id="details">
                <h2>Date details</h2>
                <p class="hint">Hover over a date for a summary; click it to pin its record here.</p>
                <div id="details-body"></div>
                </aside>
                </main>
                <div id="tooltip" class="tooltip" hidden></div>
                <noscript><p class="hint">The calendars need JavaScript; the summaries above do not.</p></noscript>
                """);
        page.append("<script type=\"application/json\" id=\"report-data\">");
        out.write(page.toString());
        ReportData.write(out, range, tables, records);
        out.write("</script>\n<script>\n");
        out.write(ReportScript.JS);
        out.write("</script>\n</body>\n</html>\n");
    }

    private static void header(StringBuilder page, DateRange range, List<TableReport> tables, Instant generatedAt, String source)
    {
        page.append("<header>\n<h1>Backfill report</h1>\n<p class=\"meta\">")
                .append(escape(range.toString())).append(" · ").append(range.size()).append(range.size() == 1 ? " date" : " dates")
                .append(" · ").append(tables.size()).append(tables.size() == 1 ? " table" : " tables")
                .append(" · state from ").append(escape(source))
                .append(" · generated ").append(GENERATED.format(generatedAt)).append("</p>\n<div class=\"legend\">");
        for (DateState state : DateState.values()) {
            page.append("<span data-state=\"").append(state.name()).append("\">").append(swatch(state)).append(escape(StatePalette.label(state)))
                    .append("</span>");
        }
        page.append("</div>\n</header>\n");
    }

    private static void tableSection(StringBuilder page, TableReport table)
    {
        StateCounts counts = table.counts();
        String name = escape(table.table().tableName());
        page.append("<section class=\"table-card\" id=\"table-").append(name).append("\" data-table=\"").append(name).append("\">\n");
        page.append("<div class=\"card-head\"><h2>").append(name).append("</h2><span class=\"done-share\">")
                .append(percent(counts.done(), counts.total())).append(" done</span></div>\n");
        bar(page, counts);
        page.append("<div class=\"chips\">");
        for (DateState state : DateState.values()) {
            page.append("<span class=\"chip\" data-state=\"").append(state.name()).append("\">").append(swatch(state))
                    .append("<b>").append(counts.get(state)).append("</b> ").append(escape(StatePalette.label(state))).append("</span>");
        }
        page.append("</div>\n<dl class=\"facts\">");
        fact(page, "rows written / expected", String.format(Locale.ROOT, "%,d / %,d", table.rowsWritten(), table.rowsExpected()));
        fact(page, "median time per date", time(table.duration(50)));
        fact(page, "95th percentile", time(table.duration(95)));
        fact(page, "dates retried", String.valueOf(table.retried()));
        page.append("</dl>\n<div class=\"heatmap\" data-table=\"").append(name).append("\"></div>\n");
        failures(page, table.failureGroups());
        page.append("</section>\n");
    }

    private static void bar(StringBuilder page, StateCounts counts)
    {
        page.append("<div class=\"bar\" aria-hidden=\"true\">");
        for (DateState state : List.of(DateState.SUCCEEDED, DateState.NO_GAMES, DateState.FAILED, DateState.CANCELLED, DateState.RUNNING, DateState.QUEUED)) {
            if (counts.get(state) > 0) {
                page.append("<span style=\"width:").append(String.format(Locale.ROOT, "%.3f", 100.0 * counts.get(state) / counts.total()))
                        .append("%;background:").append(StatePalette.colour(state)).append("\"></span>");
            }
        }
        page.append("</div>\n");
    }

    private static void failures(StringBuilder page, List<FailureGroup> groups)
    {
        if (groups.isEmpty()) {
            return;
        }
        page.append("<div class=\"failures\"><h3>Failures by cause</h3>\n<table><thead><tr><th>dates</th><th>class</th><th>error</th></tr></thead><tbody>\n");
        for (FailureGroup group : groups.subList(0, Math.min(FAILURE_GROUPS_SHOWN, groups.size()))) {
            page.append("<tr><td class=\"count\">").append(group.count()).append("</td><td class=\"class-").append(group.errorClassName()).append("\">")
                    .append(group.errorClassName()).append("</td><td><code>")
                    .append(escape(group.count() == 1 ? group.example() : group.fingerprint())).append("</code><div class=\"dates\">")
                    .append(escape(DateRuns.compact(group.dates()))).append("</div></td></tr>\n");
        }
        page.append("</tbody></table>");
        if (groups.size() > FAILURE_GROUPS_SHOWN) {
            page.append("<p class=\"hint\">").append(groups.size() - FAILURE_GROUPS_SHOWN).append(" more groups: coordinator failed</p>");
        }
        page.append("</div>\n");
    }

    private static String swatch(DateState state)
    {
        return "<i class=\"swatch\" style=\"background:" + StatePalette.colour(state) + "\"></i>";
    }

    private static void fact(StringBuilder page, String term, String value)
    {
        page.append("<div><dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd></div>");
    }

    private static String percent(long part, long total)
    {
        return total == 0 ? "--" : part * 100 / total + "%";
    }

    private static String time(Optional<Duration> duration)
    {
        long millis = duration.map(Duration::toMillis).orElse(Long.MAX_VALUE);
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis < 60_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : ProgressMeter.format(duration);
    }
}
