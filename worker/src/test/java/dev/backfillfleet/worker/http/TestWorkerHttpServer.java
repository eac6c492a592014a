package dev.backfillfleet.worker.http;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.worker.observability.Readiness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWorkerHttpServer
{
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void livenessAlwaysReadinessFollowsTheWorker()
            throws Exception
    {
        Readiness readiness = new Readiness();
        try (WorkerHttpServer server = WorkerHttpServer.start("127.0.0.1", 0, readiness, () -> "")) {
            assertThat(server.port()).isPositive();
            assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
            HttpResponse<String> starting = get(server, "/readyz");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).isEqualTo("starting\n");

            readiness.ready();
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);

            readiness.stopping();
            assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
            assertThat(get(server, "/readyz").body()).isEqualTo("stopping\n");
            assertThat(get(server, "/healthz").statusCode()).as("alive while it drains").isEqualTo(200);

            readiness.ready();
            assertThat(get(server, "/readyz").statusCode()).as("a stopping worker never becomes ready again").isEqualTo(503);
        }
    }

    @Test
    void metricsAreServedAsPrometheusText()
            throws Exception
    {
        try (WorkerHttpServer server = WorkerHttpServer.start("127.0.0.1", 0, new Readiness(), () -> "backfill_worker_in_flight 3\n")) {
            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body()).isEqualTo("backfill_worker_in_flight 3\n");
        }
    }

    @Test
    void unknownPathsAndMethods()
            throws Exception
    {
        try (WorkerHttpServer server = WorkerHttpServer.start("127.0.0.1", 0, new Readiness(), () -> "")) {
            assertThat(get(server, "/").statusCode()).isEqualTo(404);
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri(server, "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            HttpResponse<Void> head = client.send(HttpRequest.newBuilder(uri(server, "/healthz")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closingStopsListening()
            throws Exception
    {
        WorkerHttpServer server = WorkerHttpServer.start("127.0.0.1", 0, new Readiness(), () -> "");
        server.close();
        assertThatThrownBy(() -> get(server, "/healthz")).isInstanceOf(IOException.class);
    }

    @Test
    void aTakenPortIsAUserError()
            throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> WorkerHttpServer.start("127.0.0.1", taken.getLocalPort(), new Readiness(), () -> ""))
                    .isInstanceOf(FleetException.class)
                    .hasMessageContaining("--http-port " + taken.getLocalPort());
        }
        assertThatThrownBy(() -> WorkerHttpServer.start("127.0.0.1", 70000, new Readiness(), () -> "")).hasMessageContaining("is not a port");
    }

    private HttpResponse<String> get(WorkerHttpServer server, String path)
            throws IOException, InterruptedException
    {
        return client.send(HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(WorkerHttpServer server, String path)
    {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
