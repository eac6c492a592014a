package dev.backfillfleet.worker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.worker.observability.PrometheusText;
import dev.backfillfleet.worker.observability.Readiness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The worker's HTTP endpoint, for probes and scrapers: {@code /healthz} (200 while the process
 * runs), {@code /readyz} (200 while subscribed and pulling, 503 before, while stopping and while the state store or the queue is out of reach) and
 * {@code /metrics} (Prometheus text). Two daemon threads; nothing here touches the work.
 */
public final class WorkerHttpServer
        implements AutoCloseable
{
    private static final String TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Readiness readiness;
    private final Supplier<String> metrics;

    private WorkerHttpServer(HttpServer server, ExecutorService executor, Readiness readiness, Supplier<String> metrics)
    {
        this.server = server;
        this.executor = executor;
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /** Listens on every interface at {@code port} (0: a free port, see {@link #port()}). */
    /** Where to listen, checked before anything starts: a port in range, a host that resolves. */
    public static InetSocketAddress address(String host, int port)
    {
        if (port < 0 || port > 65535) {
            throw FleetException.userError("--http-port " + port + " is not a port: use 1-65535, or 0 for any free port");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw FleetException.userError("--http-host '" + host + "' does not resolve to an address: use 127.0.0.1 (the default), 0.0.0.0 (every interface)"
                    + " or one of this machine's addresses");
        }
        return address;
    }

    public static WorkerHttpServer start(String host, int port, Readiness readiness, Supplier<String> metrics)
    {
        requireNonNull(readiness, "readiness is null");
        requireNonNull(metrics, "metrics is null");
        InetSocketAddress address = address(host, port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        }
        catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                throw FleetException.userError("--http-port " + port + ": " + e.getMessage() + " (another process listens there; pick another port or 0)");
            }
            throw FleetException.userError("--http-host " + host + ": " + e.getMessage() + " (not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its own)");
        }
        catch (IOException e) {
            throw new FleetException(ErrorClass.PERMANENT, "cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "worker-http");
            thread.setDaemon(true);
            return thread;
        });
        WorkerHttpServer workerServer = new WorkerHttpServer(server, executor, readiness, metrics);
        server.createContext("/", workerServer::handle);
        server.setExecutor(executor);
        server.start();
        return workerServer;
    }

    public int port()
    {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, TEXT, "method not allowed\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/healthz" -> respond(exchange, 200, TEXT, "ok\n");
                case "/readyz" -> respond(exchange, readiness.isReady() ? 200 : 503, TEXT, readiness.describe() + "\n");
                case "/metrics" -> respond(exchange, 200, PrometheusText.CONTENT_TYPE, metrics.get());
                default -> respond(exchange, 404, TEXT, "not found: try /healthz, /readyz or /metrics\n");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException
    {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(bytes);
            }
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString()
    {
        return "worker HTTP endpoint on port " + port();
    }
}
