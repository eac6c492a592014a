package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.catalog.CatalogStore;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.TestClockConfig;
import dev.backfillfleet.doctor.ContentCheck;
import dev.backfillfleet.doctor.StorageCheck;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.GeneratedFile;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.queue.QueuedMessages;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.state.StateStorage;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.warehouse.DemoData;

import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * What every process shares: its configuration (and each concern's part of it) and access mode,
 * the clock, the schemas, the lifecycle, the state machine, and what the adapters contribute:
 * provisioners, start-up checks, the doctor's checks, descriptions of themselves, and the
 * capabilities only some have (each set or option possibly empty).
 */
public final class FleetModule
        extends AbstractModule
{
    static final java.time.Duration CATALOG_MAX_AGE = java.time.Duration.ofSeconds(3);

    private final Configuration config;
    private final AccessMode access;

    public FleetModule(Configuration config, AccessMode access)
    {
        this.config = requireNonNull(config, "config is null");
        this.access = requireNonNull(access, "access is null");
    }

    @Override
    protected void configure()
    {
        bind(Configuration.class).toInstance(config);
        // each concern's configuration, as its modules ask for it: an adapter's only while it is selected
        config.sections().forEach(section -> bindSection(binder(), section));
        bind(AccessMode.class).toInstance(access);
        // the process's clock; the state store's time (@StoreTime) is the state adapter's
        bind(Clock.class).toInstance(processClock(config));
        bind(Lifecycle.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), Provisioner.class);
        Multibinder.newSetBinder(binder(), StartupCheck.class);
        Multibinder.newSetBinder(binder(), AdapterInUse.class);
        Multibinder.newSetBinder(binder(), GeneratedFile.class);
        Multibinder.newSetBinder(binder(), StorageCheck.class);
        Multibinder.newSetBinder(binder(), ContentCheck.class);
        // what only some adapters can do: the embedded queue lists its messages, the embedded warehouse holds a demo league
        OptionalBinder.newOptionalBinder(binder(), QueuedMessages.class);
        OptionalBinder.newOptionalBinder(binder(), DemoData.class);
    }

    /** The machine's clock, shifted where a test asked for it (backfill.test-clock-offset-seconds, test only). */
    static Clock processClock(Configuration config)
    {
        java.time.Duration offset = config.sections().stream().filter(TestClockConfig.class::isInstance).map(TestClockConfig.class::cast)
                .findFirst().map(TestClockConfig::offset).orElse(java.time.Duration.ZERO);
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    private static <T> void bindSection(Binder binder, T section)
    {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) section.getClass();
        binder.bind(type).toInstance(section);
    }

    /** The state machine, written once over whichever storage the state adapter binds. */
    @Provides
    @Singleton
    static StateStore stateStore(StateStorage storage)
    {
        return new TransitioningStateStore(storage);
    }

    /**
     * The table catalog as the state store holds it: a reading is trusted for a few seconds, so an
     * applied catalog file reaches every worker within that long (as a pause does).
     */
    @Provides
    @Singleton
    static Catalogs catalogs(CatalogStore store, Clock clock)
    {
        return new Catalogs(store, BuiltInTables.all(), clock, CATALOG_MAX_AGE);
    }

    @Provides
    @Singleton
    static SchemaCatalog schemaCatalog(Catalogs catalogs)
    {
        return SchemaCatalog.withCatalog(catalogs);
    }
}
