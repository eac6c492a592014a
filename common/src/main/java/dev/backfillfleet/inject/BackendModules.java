package dev.backfillfleet.inject;

import com.google.inject.Module;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.QueueBackend;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.config.WarehouseBackend;

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
                queue(config.adapters().queue()),
                state(config.adapters().state()),
                warehouse(config.adapters().warehouse()));
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
