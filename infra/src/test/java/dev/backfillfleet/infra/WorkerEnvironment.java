package dev.backfillfleet.infra;

import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.inject.Configurations;
import dev.backfillfleet.worker.ShutdownBudget;
import dev.backfillfleet.worker.WorkerMain;
import picocli.CommandLine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What a deployment's environment and arguments mean to the worker: read by the worker's own parsers. */
final class WorkerEnvironment
{
    /** BACKFILL_* variables the worker reads that are not configuration keys: its HTTP server and logging. */
    static final Set<String> PROCESS_VARIABLES = Set.of("BACKFILL_HTTP_PORT", "BACKFILL_HTTP_HOST", "BACKFILL_LOG_FORMAT", "BACKFILL_LOG_LEVEL");
    /** Cloud Run sends SIGKILL 10 s after SIGTERM (https://cloud.google.com/run/docs/container-contract#instance-shutdown). */
    static final Duration CLOUD_RUN_SHUTDOWN = Duration.ofSeconds(10);

    private WorkerEnvironment() {}

    /** What the deploy step puts for the manifests' PROJECT_ID placeholder (sed -e "s/PROJECT_ID/$PROJECT/g", see infra/k8s/kustomization.yaml). */
    static final String DEPLOYED_PROJECT = "my-project-123";

    /**
     * The configuration the worker builds from {@code environment}, placeholders replaced as the
     * deploy step replaces them (the worker refuses a literal PROJECT_ID: not a project id);
     * every BACKFILL_* must be a key it knows.
     */
    static Configuration config(String where, Map<String, String> environment)
    {
        Set<String> known = Configurations.KEYS.stream().map(ConfigKey::environmentVariable).collect(Collectors.toSet());
        assertThat(environment.keySet().stream().filter(name -> name.startsWith("BACKFILL_"))
                .filter(name -> !known.contains(name) && !PROCESS_VARIABLES.contains(name)))
                .as("%s sets BACKFILL_* variables that are no configuration key (Configurations.KEYS) nor one of %s", where, PROCESS_VARIABLES)
                .isEmpty();
        Map<String, String> deployed = environment.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().replace("PROJECT_ID", DEPLOYED_PROJECT)));
        return Configurations.load(deployed, Map.of());
    }

    /** The shutdown budget the worker's command line makes of {@code arguments} ({@code --shutdown-seconds}, {@code --grace-seconds}). */
    static ShutdownBudget shutdownBudget(List<String> arguments)
    {
        CommandLine commandLine = new CommandLine(new WorkerMain());
        commandLine.parseArgs(arguments.toArray(String[]::new));
        int platformGrace = commandLine.getCommandSpec().findOption("--shutdown-seconds").getValue();
        Integer grace = commandLine.getCommandSpec().findOption("--grace-seconds").getValue();
        return new ShutdownBudget(Duration.ofSeconds(platformGrace), Optional.ofNullable(grace).map(Duration::ofSeconds));
    }
}
