package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.schema.SchemaCatalog;

import java.time.Clock;

import static java.util.Objects.requireNonNull;

/** What every process shares: its configuration, the clock, the schemas and the lifecycle. */
public final class FleetModule
        extends AbstractModule
{
    private final FleetConfig config;

    public FleetModule(FleetConfig config)
    {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure()
    {
        bind(FleetConfig.class).toInstance(config);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Lifecycle.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    static SchemaCatalog schemaCatalog()
    {
        return SchemaCatalog.standard();
    }
}
