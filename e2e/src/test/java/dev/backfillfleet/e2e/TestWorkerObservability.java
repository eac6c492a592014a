package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real worker process with its HTTP endpoint and JSON logs: what it reports on /metrics adds up
 * to what {@code status} reads from the state store, and every log line is a JSON object.
 */
class TestWorkerObservability
{
    private static final String RANGE = "2024-05-01..2024-05-30";
    private static final String FAIL_DATES = "2024-05-03,2024-05-10,2024-05-11";
    private static final Pattern PORT = Pattern.compile("/metrics on http://127.0.0.1:(\\d+)");
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? (\\S+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    private Process worker;

    @AfterEach
    void stopWorker()
    {
        if (worker != null && worker.isAlive()) {
            worker.destroyForcibly();
        }
    }

    @Test
    void metricsMatchTheStateStoreAndLogsAreJson()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home);
        assertThat(cli.run("enqueue", "--table", "synthetic", "--range", RANGE).exitCode()).isZero();
        worker = startWorker();
        int port = awaitPort();

        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
        awaitEveryDateTerminal(cli);
        HttpResponse<String> ready = get(port, "/readyz");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        JsonNode status = json.readTree(cli.run("status", "--table", "synthetic", "--range", RANGE, "--json").out()).get("tables").get("synthetic");
        assertThat(status.get("SUCCEEDED").asLong()).isEqualTo(27);
        assertThat(status.get("FAILED").asLong()).isEqualTo(3);

        HttpResponse<String> metricsResponse = get(port, "/metrics");
        assertThat(metricsResponse.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> metrics = parse(metricsResponse.body());
        assertThat(metrics.get("backfill_worker_deliveries_total{table=\"synthetic\",outcome=\"SUCCEEDED\"}")).isEqualTo(status.get("SUCCEEDED").asDouble());
        assertThat(metrics.get("backfill_worker_deliveries_total{table=\"synthetic\",outcome=\"FAILED\"}")).isEqualTo(status.get("FAILED").asDouble());
        assertThat(metrics.get("backfill_worker_failures_total{table=\"synthetic\",error_class=\"PERMANENT\"}")).isEqualTo(status.get("FAILED").asDouble());
        assertThat(metrics.get("backfill_worker_processing_seconds_count{table=\"synthetic\"}")).isEqualTo(30.0);
        assertThat(metrics.get("backfill_worker_processing_seconds_bucket{table=\"synthetic\",le=\"+Inf\"}")).isEqualTo(30.0);
        assertThat(metrics.get("backfill_worker_in_flight")).isEqualTo(0.0);

        worker.destroy();
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(worker.exitValue()).as(Files.readString(home.resolve("worker.err"))).isZero();

        assertLogsAreJson(Files.readAllLines(home.resolve("worker.err")));
    }

    private void assertLogsAreJson(List<String> lines)
            throws IOException
    {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                assertThat(line).as("every line is one JSON object").startsWith("{").endsWith("}");
                entries.add(json.readTree(line));
            }
        }
        assertThat(entries).allSatisfy(entry -> assertThat(entry.has("time") && entry.has("severity") && entry.has("message") && entry.has("logger")).isTrue());
        List<JsonNode> dated = entries.stream().filter(entry -> entry.has("date")).toList();
        assertThat(dated).as("INFO lines per processed date").hasSizeGreaterThanOrEqualTo(30);
        assertThat(dated).allSatisfy(entry -> {
            assertThat(entry.get("table").asText()).isEqualTo("synthetic");
            assertThat(entry.get("run_id").asText()).isNotBlank();
            assertThat(entry.get("attempt").isInt()).as("attempt in %s", entry).isTrue();
        });
        assertThat(dated).filteredOn(entry -> entry.get("severity").asText().equals("WARNING"))
                .extracting(entry -> entry.get("date").asText())
                .containsExactlyInAnyOrder(FAIL_DATES.split(","));
    }

    private Process startWorker()
            throws IOException
    {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the worker's own logging configuration, not the tests' logback-test.xml
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"),
                WorkerMain.class.getName(),
                "--http-port", "0", "--log-format", "json", "--concurrency", "4", "--shutdown-seconds", "15", "--grace-seconds", "10"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("worker.out").toFile())
                .redirectError(home.resolve("worker.err").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("BACKFILL_HOME", home.toString());
        environment.put("BACKFILL_SYNTHETIC_LATENCY_MS", "5");
        environment.put("BACKFILL_SYNTHETIC_FAIL_DATES", FAIL_DATES);
        environment.put("BACKFILL_LOG_LEVEL", "INFO");
        environment.remove("BACKFILL_LOG_FORMAT");
        return builder.start();
    }

    private int awaitPort()
    {
        return Eventually.get("the worker to print its HTTP port", Duration.ofSeconds(60), Duration.ofMillis(100), () -> {
            Matcher port = PORT.matcher(read(home.resolve("worker.out")));
            assertThat(worker.isAlive()).as("worker running: %s", read(home.resolve("worker.err"))).isTrue();
            return port.find() ? Optional.of(Integer.parseInt(port.group(1))) : Optional.empty();
        });
    }

    private void awaitEveryDateTerminal(CoordinatorCli cli)
    {
        Eventually.await("every date terminal", Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
            JsonNode counts = readJson(cli.run("status", "--table", "synthetic", "--range", RANGE, "--json").out()).get("tables").get("synthetic");
            return counts.get("SUCCEEDED").asLong() + counts.get("FAILED").asLong() == 30;
        }, () -> read(home.resolve("worker.err")));
    }

    private JsonNode readJson(String text)
    {
        try {
            return json.readTree(text);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file)
    {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(int port, String path)
            throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Double> parse(String text)
    {
        Map<String, Double> samples = new HashMap<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("sample line: %s", line).isTrue();
            String value = sample.group(3);
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
        });
        return samples;
    }
}
