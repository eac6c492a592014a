package dev.backfillfleet.inject;

import com.google.inject.Module;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.domain.FleetException;

import java.util.List;

/** The one place that chooses an adapter per port, from the configuration. */
public final class BackendModules
{
    private BackendModules() {}

    public static List<Module> forConfig(FleetConfig config)
    {
        return List.of(
                new FleetModule(config),
                queue(config.queueBackend()),
                state(config.stateBackend()),
                warehouse(config.warehouseBackend()));
    }

    private static Module queue(String backend)
    {
        return switch (backend) {
            case "embedded" -> new EmbeddedQueueModule();
            case "pubsub" -> new PubSubQueueModule();
            default -> throw unknown("queue", backend);
        };
    }

    private static Module state(String backend)
    {
        return switch (backend) {
            case "embedded" -> new EmbeddedStateModule();
            case "firestore" -> new FirestoreStateModule();
            default -> throw unknown("state", backend);
        };
    }

    private static Module warehouse(String backend)
    {
        return switch (backend) {
            case "embedded" -> new EmbeddedWarehouseModule();
            case "bigquery" -> new BigQueryWarehouseModule();
            default -> throw unknown("warehouse", backend);
        };
    }

    private static FleetException unknown(String port, String backend)
    {
        return FleetException.userError("no " + port + " adapter named '" + backend + "'");
    }
}
