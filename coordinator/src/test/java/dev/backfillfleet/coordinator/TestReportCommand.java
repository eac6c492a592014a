package dev.backfillfleet.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.ErrorClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report as a file: self-contained, one section per table, the data every cell needs, escaped. */
class TestReportCommand
{
    @TempDir
    Path home;

    @Test
    void aRangeReadInSeveralSlicesReportsEveryRecordOnceAndLeavesOnlyThePage()
            throws Exception
    {
        KnownStates.januaryOfSynthetic(home).close();
        Path page = home.resolve("long.html");
        // report reads 10,000 days at a time: this range's second slice starts on 2024-01-16, inside the recorded January
        LocalDate first = LocalDate.parse("2024-01-16").minusDays(10_000);

        CoordinatorCli.Result report = new CoordinatorCli(home).run("report", "--range", first + "..2024-01-31", "--out", page.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        String html = Files.readString(page);
        JsonNode dates = data(html).get("tables").get(0).get("dates");
        assertThat(dates.size()).isEqualTo(22);
        assertThat(dates.has("2024-01-15")).isTrue();
        assertThat(dates.has("2024-01-16")).isTrue();
        assertThat(html).containsPattern(chip("SUCCEEDED", 10)).containsPattern(chip("FAILED", 4)).containsPattern(chip("QUEUED", 4))
                .containsPattern(chip("PENDING", 10_000 + 16 - 22));
        try (var files = Files.list(home)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.contains("long.html")))
                    .as("the page is written aside and moved into place").containsExactly("long.html");
        }
    }

    @Test
    void writesASelfContainedPageWithASectionPerTable()
            throws Exception
    {
        KnownStates.januaryOfSynthetic(home).close();
        Path page = home.resolve("report.html");

        CoordinatorCli.Result report = new CoordinatorCli(home).run("report", "--range", "2024-01-01..2024-01-31", "--out", page.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("Wrote " + page + ": 1 table, 2024-01-01..2024-01-31");
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<script>").endsWith("</html>\n");
        assertThat(html).as("no external resources")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import").doesNotContain("url(").doesNotContain("http://").doesNotContain("https://");
        assertThat(html).contains("<section class=\"table-card\" id=\"table-synthetic\" data-table=\"synthetic\">")
                .contains("<div class=\"heatmap\" data-table=\"synthetic\"></div>")
                .doesNotContain("team_offense_game_summary");
        assertThat(html).contains("38% done")
                .containsPattern(chip("SUCCEEDED", 10)).containsPattern(chip("NO_GAMES", 2)).containsPattern(chip("FAILED", 4))
                .containsPattern(chip("RUNNING", 2)).containsPattern(chip("QUEUED", 4)).containsPattern(chip("PENDING", 9));
        assertThat(html).contains("<h3>Failures by cause</h3>")
                .contains("synthetic permanent failure on &lt;date&gt; (BACKFILL_SYNTHETIC_FAIL_DATES)")
                .contains("2024-01-13..2024-01-15");

        JsonNode data = data(html);
        assertThat(data.get("range").get("first").asText()).isEqualTo("2024-01-01");
        assertThat(data.get("palette").get("NO_GAMES").get("colour").asText()).isNotEqualTo(data.get("palette").get("PENDING").get("colour").asText());
        JsonNode dates = data.get("tables").get(0).get("dates");
        assertThat(dates.size()).as("one entry per recorded date; never-enqueued dates have none").isEqualTo(22);
        assertThat(dates.get("2024-01-05").get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(dates.get("2024-01-05").get("rowsWritten").asLong()).isEqualTo(1);
        assertThat(dates.get("2024-01-05").get("rowsExpected").asLong()).isEqualTo(1);
        assertThat(dates.get("2024-01-05").get("durationMs").asLong()).isEqualTo(40);
        assertThat(dates.get("2024-01-05").get("attempts").asInt()).isEqualTo(1);
        assertThat(dates.get("2024-01-16").get("errorClass").asText()).isEqualTo("TRANSIENT");
        assertThat(dates.get("2024-01-17").get("leaseOwner").asText()).isEqualTo("test-worker-1");
        assertThat(dates.has("2024-01-25")).isFalse();
    }

    @Test
    void errorMessagesCannotBreakOutOfThePage()
            throws Exception
    {
        try (KnownStates states = KnownStates.in(home)) {
            states.failed(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-01-02"), ErrorClass.PERMANENT, "bad row </script><script>alert('x')</script> & <b>more</b>");
        }
        Path page = home.resolve("report.html");
        new CoordinatorCli(home).run("report", "--range", "2024-01-01..2024-01-03", "--out", page.toString());

        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>more</b>");
        assertThat(html.split("</script>", -1)).as("only the two script elements end").hasSize(3);
        assertThat(data(html).get("tables").get(0).get("dates").get("2024-01-02").get("error").asText())
                .isEqualTo("bad row </script><script>alert('x')</script> & <b>more</b>");
    }

    @Test
    void anExplicitTableWithoutRecordsStillGetsASection()
            throws Exception
    {
        Path page = home.resolve("report.html");
        CoordinatorCli.Result report = new CoordinatorCli(home).run("report", "--range", "2024-01-01..2024-01-03", "--table", "team_offense", "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(page)).contains("id=\"table-team_offense_game_summary\"").containsPattern(chip("PENDING", 3));
    }

    @Test
    void needsARangeAndAWritableDirectory()
    {
        CoordinatorCli cli = new CoordinatorCli(home);
        CoordinatorCli.Result noRange = cli.run("report", "--out", home.resolve("r.html").toString());
        assertThat(noRange.exitCode()).isEqualTo(2);
        assertThat(noRange.err()).contains("--range");

        CoordinatorCli.Result noDirectory = cli.run("report", "--range", "2024-01-01..2024-01-02", "--out", home.resolve("missing/r.html").toString());
        assertThat(noDirectory.exitCode()).isEqualTo(2);
        assertThat(noDirectory.err()).contains("does not exist").doesNotContain("at dev.");
    }

    /** The summary's count of one state. */
    private static String chip(String state, long count)
    {
        return "class=\"chip\" data-state=\"" + state + "\"><i [^>]*></i><b>" + count + "</b>";
    }

    static JsonNode data(String html)
            throws Exception
    {
        Matcher matcher = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).isTrue();
        return new ObjectMapper().readTree(matcher.group(1));
    }
}
