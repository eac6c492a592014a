package dev.backfillfleet.coordinator.output;

import dev.backfillfleet.coordinator.output.TextTable.Align;
import dev.backfillfleet.coordinator.output.TextTable.Cell;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestOutput
{
    @Test
    void colourOnlyOnATerminalAndNeverWithNoColour()
    {
        assertThat(Terminal.detect(true, Map.of(), StandardCharsets.UTF_8)).isEqualTo(new Terminal(true, true, true));
        assertThat(Terminal.detect(true, Map.of("NO_COLOR", "1"), StandardCharsets.UTF_8).colour()).isFalse();
        assertThat(Terminal.detect(true, Map.of("NO_COLOR", ""), StandardCharsets.UTF_8).colour()).as("an empty NO_COLOR does not count").isTrue();
        assertThat(Terminal.detect(true, Map.of("TERM", "dumb"), StandardCharsets.UTF_8).colour()).isFalse();
        assertThat(Terminal.detect(false, Map.of(), StandardCharsets.UTF_8)).isEqualTo(Terminal.plain());
        assertThat(Terminal.detect(true, Map.of(), StandardCharsets.US_ASCII).unicode()).isFalse();
    }

    @Test
    void tableAlignsColumnsWhateverTheColours()
    {
        TextTable table = new TextTable(List.of("table", "FAILED"), List.of(Align.LEFT, Align.RIGHT))
                .addRow(List.of(Cell.of("synthetic"), Cell.of(12, Colour.RED)))
                .addRow(List.of(Cell.of("team_offense_game_summary"), Cell.of(3)));

        assertThat(table.render(new Style(false))).containsExactly(
                "table                      FAILED",
                "synthetic                      12",
                "team_offense_game_summary       3");
        assertThat(table.render(new Style(true)).get(1)).isEqualTo("synthetic                      \u001b[31m12\u001b[0m");
    }

    @Test
    void datesAsRuns()
    {
        assertThat(DateRuns.compact(List.of(date("2024-01-03"), date("2024-01-01"), date("2024-01-02"), date("2024-01-05"), date("2024-02-01"), date("2024-02-02"))))
                .isEqualTo("2024-01-01..2024-01-03, 2024-01-05, 2024-02-01..2024-02-02");
        assertThat(DateRuns.compact(List.of())).isEmpty();
    }

    @Test
    void htmlEscaping()
            throws Exception
    {
        assertThat(Html.escape("<b class=\"x\">Tom & 'Jerry'</b>")).isEqualTo("&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;");
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Html.scriptSafeJson(out)) {
            json.writeStartObject();
            json.writeStringField("error", "</script><script>alert(1)");
            json.writeEndObject();
        }
        assertThat(out.toString()).isEqualTo("{\"error\":\"\\u003C/script>\\u003Cscript>alert(1)\"}");
    }

    private static LocalDate date(String text)
    {
        return LocalDate.parse(text);
    }
}
