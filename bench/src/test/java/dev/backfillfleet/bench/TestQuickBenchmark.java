package dev.backfillfleet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness end to end in --quick mode, with the product's processes started from this JVM's
 * class path: every section is in the JSON, the chart is a PNG, the Markdown has its tables.
 * It asserts the shape of what is written, never a timing.
 */
final class TestQuickBenchmark
{
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void quickRunWritesEverySectionAndTheChart(@TempDir Path directory)
            throws IOException
    {
        Path json = directory.resolve("bench.json");
        Path chart = directory.resolve("scaling.png");
        Path markdown = directory.resolve("bench.md");

        int exitCode = BenchMain.execute("all", "--quick", "--launch", "classpath", "--no-emulators", "--work", directory.resolve("work").toString(),
                "--json", json.toString(), "--chart", chart.toString(), "--markdown", markdown.toString());

        assertThat(exitCode).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(names(report)).contains("machine", "versions", "scaling", "overhead", "growth", "season", "kinds", "targets");
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("machine").get("cores").asInt()).isPositive();
        assertThat(report.get("versions").get("sqliteJdbc").asText()).isNotBlank();

        assertThat(values(report.get("scaling").get("points"), "mode")).contains("threads", "processes");
        assertThat(report.get("scaling").get("points")).allSatisfy(point -> {
            assertThat(names(point)).contains("base", "doubled", "marginalEfficiency", "reproduce");
            assertThat(point.get("doubled").get("dates").asInt()).isEqualTo(2 * point.get("base").get("dates").asInt());
        });
        assertThat(values(report.get("overhead").get("backends"), "backend")).contains("embedded queue, embedded state");
        assertThat(report.get("overhead").get("backends").get(0).get("overhead").get("count").asInt()).isPositive();
        assertThat(report.get("overhead").get("drains")).hasSize(2);
        assertThat(values(report.get("growth").get("costs"), "verb")).containsOnly("enqueue", "status", "watch", "failed", "report", "verify");
        assertThat(values(report.get("season").get("throughput"), "table")).contains("team_offense");
        assertThat(report.get("season").get("smallHeapCompleted").isBoolean()).isTrue();
        assertThat(values(report.get("kinds").get("kinds"), "table")).containsExactly("synthetic", "bench_sql", "bench_command");
        assertThat(report.get("kinds").get("kinds")).allSatisfy(kind -> {
            assertThat(kind.get("perDate").get("count").asInt()).isPositive();
            assertThat(names(kind.get("phasesMeanMs"))).hasSize(4).anySatisfy(phase -> assertThat(phase).startsWith("warehouse write: "));
        });
        assertThat(names(report.get("kinds").get("program"))).contains("bare", "commandRunner", "leftoverSearch");
        assertThat(report.get("targets")).hasSize(12).allSatisfy(target ->
                assertThat(target.get("status").asText()).isIn(Target.MET, Target.NOT_MET, Target.NOT_MEASURED));

        byte[] png = Files.readAllBytes(chart);
        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isPositive();

        assertThat(Files.readString(markdown)).contains("### Targets", "### Scaling", "### Overhead", "### Cost growth", "### A season", "### The fleet's own cost per date, by kind");
    }

    private static List<String> names(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> values(JsonNode array, String field)
    {
        return StreamSupport.stream(array.spliterator(), false).map(element -> element.get(field).asText()).toList();
    }
}
