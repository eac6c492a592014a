package dev.backfillfleet.inject;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBootstrap
{
    @TempDir
    Path home;

    @Test
    void everyAdapterIsWiredUnderTheStrictOptionsWithoutTouchingAnything()
    {
        // each choice, with the Google Cloud adapters it selects (each adds its provisioner)
        Map<Map<String, String>, Integer> choices = Map.of(
                Map.of("backfill.backend", "embedded"), 0,
                Map.of("backfill.backend", "gcp", "backfill.gcp-project", "backfill-fleet-test"), 3,
                Map.of("backfill.queue", "pubsub", "backfill.warehouse", "bigquery", "backfill.gcp-project", "backfill-fleet-test"), 2,
                Map.of("backfill.state", "firestore", "backfill.gcp-project", "backfill-fleet-test"), 1);
        choices.forEach((choice, googleAdapters) -> {
            for (AccessMode access : AccessMode.values()) {
                Injector injector = Bootstrap.createInjector(config(choice), access, List.of());
                assertThat(injector.getInstance(StateStore.class)).isNotNull();
                assertThat(injector.getInstance(WorkQueue.class)).isNotNull();
                assertThat(injector.getInstance(Warehouse.class)).isNotNull();
                assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<Provisioner>>() {}))).hasSize(googleAdapters);
                injector.getInstance(Lifecycle.class).close();
            }
        });
        try (var files = listHome()) {
            assertThat(files).as("no file is created by wiring alone").isEmpty();
        }
    }

    @Test
    void aBindingNoModuleMadeIsRefused()
    {
        Module asksForAnUnboundClass = binder -> binder.getProvider(Unbound.class);
        assertThatThrownBy(() -> Bootstrap.createInjector(config(Map.of()), AccessMode.READ_WRITE, List.of(asksForAnUnboundClass)))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("Explicit bindings are required");
    }

    /** Guice could make it just in time from its constructor; the bootstrap must not. */
    public static final class Unbound
    {
        public Unbound() {}
    }

    private Configuration config(Map<String, String> choice)
    {
        Map<String, String> values = new java.util.HashMap<>(choice);
        values.put("backfill.home", home.toString());
        return Configurations.of(values);
    }

    private java.util.stream.Stream<Path> listHome()
    {
        try {
            return Files.list(home);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
