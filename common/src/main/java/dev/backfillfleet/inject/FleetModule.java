package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.schema.SchemaCatalog;

import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * What every process shares: its configuration and access mode, the clock, the schemas, the
 * lifecycle, and the (possibly empty) sets of provisioners and start-up checks the adapters add.
 */
public final class FleetModule
        extends AbstractModule
{
    private final FleetConfig config;
    private final AccessMode access;

    public FleetModule(FleetConfig config, AccessMode access)
    {
        this.config = requireNonNull(config, "config is null");
        this.access = requireNonNull(access, "access is null");
    }

    @Override
    protected void configure()
    {
        bind(FleetConfig.class).toInstance(config);
        bind(AccessMode.class).toInstance(access);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(Lifecycle.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), Provisioner.class);
        Multibinder.newSetBinder(binder(), StartupCheck.class);
    }

    @Provides
    @Singleton
    static SchemaCatalog schemaCatalog()
    {
        return SchemaCatalog.standard();
    }
}
