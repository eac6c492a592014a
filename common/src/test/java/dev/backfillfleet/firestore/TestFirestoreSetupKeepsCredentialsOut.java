package dev.backfillfleet.firestore;

import com.sun.net.httpserver.HttpServer;
import dev.backfillfleet.domain.FleetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access token FirestoreSetup sends in its Authorization header never reaches an error
 * message (and so a log line), even when the server, or a proxy's error page, echoes the request's
 * headers back. The server is a local one on the loopback address.
 */
class TestFirestoreSetupKeepsCredentialsOut
{
    private static final String TOKEN = "ya29.SECRET-ACCESS-TOKEN-0123456789";

    private HttpServer server;

    @AfterEach
    void stop()
    {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anErrorPageThatEchoesTheAuthorizationHeaderIsShownWithoutTheToken()
            throws IOException
    {
        FirestoreSetup setup = setupAgainst(500);

        assertThatThrownBy(setup::plan)
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("the Firestore Admin API answered 500")
                .hasMessageContaining("Authorization: Bearer <redacted>")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN).doesNotContain("\n"));
    }

    @Test
    void aRefusalNamesThePermissionsAndRolesThatExistAndNotTheToken()
            throws IOException
    {
        FirestoreSetup setup = setupAgainst(403);

        assertThatThrownBy(setup::plan)
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("datastore.databases.getMetadata and datastore.indexes.list")
                .hasMessageContaining("roles/datastore.user and roles/datastore.viewer")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN));
    }

    @Test
    void unauthenticatedPointsToApplicationDefaultCredentialsNotAKeyFile()
            throws IOException
    {
        FirestoreSetup setup = setupAgainst(401);

        assertThatThrownBy(setup::plan)
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("gcloud auth application-default login")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN).doesNotContain("GOOGLE_APPLICATION_CREDENTIALS"));
    }

    /** Answers every request with {@code status} and a body that repeats the request's Authorization header. */
    private FirestoreSetup setupAgainst(int status)
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", exchange -> {
            byte[] body = ("<html><body>upstream error\nrequest headers:\nAuthorization: " + exchange.getRequestHeaders().getFirst("Authorization")
                    + "\n</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        FirestoreStateStoreSettings settings = new FirestoreStateStoreSettings("demo-project", FirestoreStateStoreSettings.DEFAULT_DATABASE,
                FirestoreStateStoreSettings.DEFAULT_COLLECTION, Optional.empty(), 5,
                FirestoreStateStoreSettings.DEFAULT_CALL_DEADLINE);
        return new FirestoreSetup(settings, "http://127.0.0.1:" + server.getAddress().getPort(), () -> Map.of("Authorization", "Bearer " + TOKEN));
    }
}
