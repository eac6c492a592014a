package dev.backfillfleet.firestore;

import com.google.api.core.ApiFuture;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.support.Lazy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import static java.util.Objects.requireNonNull;

/**
 * The one Firestore client of a process, shared by every Firestore adapter (state records,
 * paused tables, runs, write permits), as Trino's GCS file system shares one client factory. It
 * is made on first use, so that wiring a process looks up no credentials and opens no channel.
 */
public final class FirestoreClient
        implements AutoCloseable
{
    private final Lazy<Firestore> client;
    private final String endpoint;
    private final boolean owned;

    private FirestoreClient(Lazy<Firestore> client, String endpoint, boolean owned)
    {
        this.client = requireNonNull(client, "client is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.owned = owned;
    }

    /** A client for {@code settings}' project and database (on the emulator it names, if any), made on first use and closed with this. */
    public static FirestoreClient create(FirestoreStateStoreSettings settings)
    {
        return new FirestoreClient(Lazy.of(() -> connect(settings)), settings.emulatorHost().map(host -> host + " (FIRESTORE_EMULATOR_HOST)")
                .orElse("firestore.googleapis.com"), true);
    }

    /** A client someone else made and closes. */
    public static FirestoreClient of(Firestore firestore)
    {
        requireNonNull(firestore, "firestore is null");
        return new FirestoreClient(Lazy.of(() -> firestore), "the given client's endpoint", false);
    }

    private static Firestore connect(FirestoreStateStoreSettings settings)
    {
        FirestoreOptions.Builder builder = FirestoreOptions.newBuilder()
                .setProjectId(settings.projectId())
                .setDatabaseId(settings.databaseId());
        // setEmulatorHost also switches to emulator credentials and a plaintext channel
        settings.emulatorHost().ifPresent(builder::setEmulatorHost);
        // every call, unary or streamed (the client applies these to both when they differ from the defaults), and
        // its retries, within the call deadline: a cut link fails a call in seconds, not in the default 60-300 s
        Duration deadline = settings.callDeadline();
        builder.setRetrySettings(RetrySettings.newBuilder()
                .setTotalTimeoutDuration(deadline)
                .setInitialRpcTimeoutDuration(deadline)
                .setMaxRpcTimeoutDuration(deadline)
                .setRpcTimeoutMultiplier(1.0)
                .setInitialRetryDelayDuration(Duration.ofMillis(100))
                .setRetryDelayMultiplier(1.3)
                .setMaxRetryDelayDuration(Duration.ofSeconds(1))
                .setMaxAttempts(5)
                .build());
        return builder.build().getService();
    }

    public Firestore get()
    {
        try {
            return client.get();
        }
        catch (RuntimeException e) {
            throw FirestoreFailures.translate("client set-up", e);
        }
    }

    /**
     * Runs a start-up check's queries: a Firestore out of reach (every call fails as transient)
     * is then the environment's fault, said in one line with where it was looked for.
     */
    void check(Runnable queries)
    {
        try {
            queries.run();
        }
        catch (FleetException e) {
            if (e.errorClass() == ErrorClass.TRANSIENT) {
                throw FleetException.environment("cannot reach Firestore at " + endpoint + " (" + e.getMessage() + "): check the network and the host", e);
            }
            throw e;
        }
    }

    static <T> T await(String operation, ApiFuture<T> future)
    {
        try {
            return future.get();
        }
        catch (ExecutionException | InterruptedException | RuntimeException e) {
            throw FirestoreFailures.translate(operation, e);
        }
    }

    @Override
    public void close()
    {
        if (owned && client.ifMade().isPresent()) {
            try {
                client.get().close();
            }
            catch (Exception e) {
                throw FirestoreFailures.translate("close", e);
            }
        }
    }
}
