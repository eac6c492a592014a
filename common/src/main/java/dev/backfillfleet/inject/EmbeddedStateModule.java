package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.embedded.SqliteStateStore;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;

/** The embedded state store: {@code $BACKFILL_HOME/state.db}. */
public final class EmbeddedStateModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static StateStore stateStore(FleetConfig config, Clock clock, Lifecycle lifecycle)
    {
        return lifecycle.register(SqliteStateStore.open(config.home().resolve("state.db"), clock));
    }
}
