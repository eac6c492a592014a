package dev.backfillfleet.bench.overhead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker's own counters, from its {@code /metrics}: how far a drain got without counting
 * records in the state store it is measuring.
 */
final class WorkerMetrics
{
    private static final Pattern ADDRESS = Pattern.compile("/metrics on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern SUCCEEDED = Pattern.compile("(?m)^backfill_worker_deliveries_total\\{[^}]*outcome=\"SUCCEEDED\"[^}]*}\\s+([0-9.eE+]+)$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    private WorkerMetrics(int port)
    {
        this.uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    /** From the line a worker started with {@code --http-port 0} prints once it listens. */
    static java.util.Optional<WorkerMetrics> fromOutput(String output)
    {
        Matcher matcher = ADDRESS.matcher(output);
        return matcher.find() ? java.util.Optional.of(new WorkerMetrics(Integer.parseInt(matcher.group(1)))) : java.util.Optional.empty();
    }

    long succeeded()
            throws InterruptedException
    {
        try {
            String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = SUCCEEDED.matcher(body);
            long total = 0;
            while (matcher.find()) {
                total += (long) Double.parseDouble(matcher.group(1));
            }
            return total;
        }
        catch (IOException e) {
            return 0;
        }
    }
}
