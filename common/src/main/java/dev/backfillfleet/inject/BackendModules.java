package dev.backfillfleet.inject;

import com.google.inject.Module;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.QueueBackend;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.config.WarehouseBackend;
import dev.backfillfleet.warehouse.PartitionWriteGate;

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
                warehouse(config.adapters().warehouse()),
                writeGate(config.adapters().warehouse(), config.adapters().state()));
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

    /** BigQuery's partition-write rate is paced fleet-wide with permits in the state store; the embedded warehouse needs none. */
    private static Module writeGate(WarehouseBackend warehouse, StateBackend state)
    {
        return switch (warehouse) {
            case EMBEDDED -> binder -> binder.bind(PartitionWriteGate.class).toInstance(PartitionWriteGate.UNLIMITED);
            case BIGQUERY -> PacedWritesModule.forState(state);
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
