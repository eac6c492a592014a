package dev.backfillfleet.inject;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.QueueBackend;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.config.WarehouseBackend;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.firestore.FirestoreIndexes;
import dev.backfillfleet.provision.GeneratedFile;

import java.util.List;

/** The one place that chooses an adapter per port, from the configuration. */
public final class BackendModules
{
    private BackendModules() {}

    /** Used by {@link Bootstrap}, which makes every injector. */
    static List<Module> forConfig(Configuration config, AccessMode access)
    {
        return List.of(
                new FleetModule(config, access),
                generatedFiles(config),
                queue(config.adapters().queue()),
                state(config.adapters().state()),
                warehouse(config.adapters().warehouse()));
    }

    /** Files deploying needs, generated from the code whatever runs here: Firestore's indexes are printed from an embedded home too. */
    private static Module generatedFiles(Configuration config)
    {
        String collection = config.values().get(FirestoreConfig.COLLECTION);
        return binder -> Multibinder.newSetBinder(binder, GeneratedFile.class).addBinding()
                .toInstance(new GeneratedFile(FirestoreIndexes.INDEX_FILE, () -> FirestoreIndexes.firebaseIndexFile(collection)));
    }

    private static Module queue(QueueBackend backend)
    {
        return switch (backend) {
            case EMBEDDED -> new EmbeddedQueueModule();
            case PUBSUB -> new PubSubQueueModule();
        };
    }

    private static Module state(StateBackend backend)
    {
        return switch (backend) {
            case EMBEDDED -> new EmbeddedStateModule();
            case FIRESTORE -> new FirestoreStateModule();
        };
    }

    private static Module warehouse(WarehouseBackend backend)
    {
        return switch (backend) {
            case EMBEDDED -> new EmbeddedWarehouseModule();
            case BIGQUERY -> new BigQueryWarehouseModule();
        };
    }
}
