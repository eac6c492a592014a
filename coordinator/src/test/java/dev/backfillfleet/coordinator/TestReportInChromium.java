package dev.backfillfleet.coordinator;

import dev.backfillfleet.coordinator.report.StatePalette;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report as a browser shows it: the cells the script drew, their colours per state, the
 * details of a linked date, and a screenshot kept in target/report-screenshots/ to look at.
 */
class TestReportInChromium
{
    private static final Pattern CELL = Pattern.compile("<div class=\"cell[^\"]*\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");
    private static final Pattern BACKGROUND = Pattern.compile("background-color: rgb\\((\\d+), (\\d+), (\\d+)\\)");

    @TempDir
    Path home;

    private Path page;

    @BeforeEach
    void writeReport()
    {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        try (KnownStates states = KnownStates.januaryOfSynthetic(home)) {
            states.succeeded(AnalyticsTable.TEAM_OFFENSE, KnownStates.range("2023-12-01", "2023-12-23"), 14, Duration.ofMillis(1800));
            states.noGames(AnalyticsTable.TEAM_OFFENSE, KnownStates.range("2023-12-24", "2023-12-24"));
            states.succeeded(AnalyticsTable.TEAM_OFFENSE, KnownStates.range("2023-12-25", "2024-01-20"), 14, Duration.ofMillis(1800));
            states.cancelled(AnalyticsTable.TEAM_OFFENSE, KnownStates.range("2024-01-21", "2024-01-27"));
        }
        page = home.resolve("report.html");
        CoordinatorCli.Result report = new CoordinatorCli(home).run("report", "--range", "2023-12-01..2024-02-15", "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
    }

    @Test
    void drawsOneCellPerDateColouredByItsState()
            throws Exception
    {
        String dom = new HeadlessChromium(home.resolve("chromium")).dumpDom(page, "");
        assertThat(dom).contains("data-rendered=\"true\"");

        Map<String, Map<String, String>> cells = cells(dom);
        assertThat(cells.keySet().stream().filter(id -> id.startsWith("synthetic/"))).hasSize(77);
        assertThat(cells.keySet().stream().filter(id -> id.startsWith("team_offense_game_summary/"))).hasSize(77);

        assertCell(cells, "synthetic/2024-01-05", DateState.SUCCEEDED);
        assertCell(cells, "synthetic/2024-01-11", DateState.NO_GAMES);
        assertCell(cells, "synthetic/2024-01-13", DateState.FAILED);
        assertCell(cells, "synthetic/2024-01-17", DateState.RUNNING);
        assertCell(cells, "synthetic/2024-01-20", DateState.QUEUED);
        assertCell(cells, "synthetic/2024-01-25", DateState.PENDING);
        assertCell(cells, "synthetic/2023-12-15", DateState.PENDING);
        assertCell(cells, "team_offense_game_summary/2023-12-24", DateState.NO_GAMES);
        assertCell(cells, "team_offense_game_summary/2023-12-25", DateState.SUCCEEDED);
        assertCell(cells, "team_offense_game_summary/2024-01-22", DateState.CANCELLED);
        assertThat(cells.get("team_offense_game_summary/2024-01-22").get("aria-label")).isEqualTo("team_offense_game_summary 2024-01-22: cancelled");
        assertThat(cells.get("synthetic/2024-01-11").get("aria-label")).isEqualTo("synthetic 2024-01-11: no games");

        assertThat(dom).as("month labels, with the year where it starts or changes").contains(">Dec 2023</span>").contains(">Jan 2024</span>").contains(">Feb</span>");
    }

    @Test
    void aLinkedDateShowsItsRecordInTheDetails()
            throws Exception
    {
        String dom = new HeadlessChromium(home.resolve("chromium")).dumpDom(page, "synthetic/2024-01-13");

        assertThat(cells(dom).get("synthetic/2024-01-13").get("class")).isEqualTo("cell selected");
        String details = dom.substring(dom.indexOf("<div id=\"details-body\""));
        assertThat(details.substring(0, details.indexOf("</aside>")))
                .contains("<dt>State</dt>").contains("failed")
                .contains("<dt>Attempts</dt><dd>1</dd>")
                .contains("<dt>Error class</dt><dd>PERMANENT</dd>")
                .contains("synthetic permanent failure on 2024-01-13 (BACKFILL_SYNTHETIC_FAIL_DATES)");

        String succeeded = new HeadlessChromium(home.resolve("chromium-2")).dumpDom(page, "team_offense_game_summary/2024-01-02");
        String succeededDetails = succeeded.substring(succeeded.indexOf("<div id=\"details-body\""));
        assertThat(succeededDetails).contains("<dt>Rows</dt><dd>14 written / 14 expected</dd>").contains("<dt>Duration</dt><dd>1.8 s</dd>");
    }

    @Test
    void screenshotShowsEveryStateColour()
            throws Exception
    {
        Path png = Path.of("target", "report-screenshots", "report.png");
        new HeadlessChromium(home.resolve("chromium")).screenshot(page, "team_offense_game_summary/2023-12-24", png, 1400, 1000);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        Map<Integer, Integer> pixels = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        for (DateState state : List.of(DateState.SUCCEEDED, DateState.NO_GAMES, DateState.FAILED, DateState.RUNNING, DateState.QUEUED, DateState.CANCELLED)) {
            int colour = Integer.parseInt(StatePalette.colour(state).substring(1), 16);
            assertThat(pixels.getOrDefault(colour, 0)).as("pixels of %s (%s) in %s", state, StatePalette.colour(state), png.toAbsolutePath())
                    .isGreaterThan(100);
        }
    }

    private static void assertCell(Map<String, Map<String, String>> cells, String id, DateState state)
    {
        Map<String, String> cell = cells.get(id);
        assertThat(cell).as("cell %s", id).isNotNull();
        assertThat(cell.get("data-state")).as("state of %s", id).isEqualTo(state.name());
        Matcher background = BACKGROUND.matcher(cell.get("style"));
        assertThat(background.find()).as("background of %s: %s", id, cell.get("style")).isTrue();
        String rendered = String.format("#%02x%02x%02x", Integer.parseInt(background.group(1)), Integer.parseInt(background.group(2)), Integer.parseInt(background.group(3)));
        assertThat(rendered).as("colour of %s", id).isEqualTo(StatePalette.colour(state));
    }

    private static Map<String, Map<String, String>> cells(String dom)
    {
        Map<String, Map<String, String>> cells = new HashMap<>();
        Matcher cell = CELL.matcher(dom);
        while (cell.find()) {
            Map<String, String> attributes = new HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(cell.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            cells.put(attributes.get("data-key"), attributes);
        }
        return cells;
    }
}
