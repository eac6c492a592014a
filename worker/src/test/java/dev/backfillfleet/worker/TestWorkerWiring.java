package dev.backfillfleet.worker;

import com.google.inject.Injector;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.inject.Bootstrap;
import dev.backfillfleet.inject.Configurations;
import dev.backfillfleet.inject.Lifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker's injector, as WorkerMain makes it, on the embedded default and on Google Cloud: every binding explicit. */
class TestWorkerWiring
{
    @TempDir
    Path home;

    @Test
    void aWorkerIsWiredOnEachBackendUnderTheStrictOptions()
    {
        for (Map<String, String> choice : List.of(Map.of("backfill.backend", "embedded"), Map.of("backfill.backend", "gcp", "backfill.gcp-project", "backfill-fleet-test"))) {
            Map<String, String> values = new java.util.HashMap<>(choice);
            values.put("backfill.home", home.toString());
            Configuration config = Configurations.of(values);
            Injector injector = Bootstrap.createInjector(config, AccessMode.READ_WRITE, List.of(new WorkerModule(WorkerSettings.from(config, "wiring-test"))));
            assertThat(injector.getInstance(Worker.class)).isNotNull();
            assertThat(injector.getInstance(WorkerSettings.class).workerId()).isEqualTo("wiring-test");
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
