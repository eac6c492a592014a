package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.embedded.SqliteStateStore;
import dev.backfillfleet.state.StateStore;

import java.nio.file.Path;
import java.time.Clock;

/** The embedded state store: {@code $BACKFILL_HOME/state.db}, opened on first use. */
public final class EmbeddedStateModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static StateStore stateStore(EmbeddedConfig config, AccessMode access, Clock clock, Lifecycle lifecycle)
    {
        Path file = config.home().resolve("state.db");
        return lifecycle.register(access == AccessMode.READ_ONLY ? SqliteStateStore.openReadOnly(file, clock) : SqliteStateStore.open(file, clock));
    }
}
