package dev.backfillfleet.infra;

import com.google.cloud.bigquery.StandardTableDefinition;
import dev.backfillfleet.bigquery.BigQueryConfig;
import dev.backfillfleet.bigquery.BigQuerySchemas;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.LeaseConfig;
import dev.backfillfleet.config.QueueConfig;
import dev.backfillfleet.config.RetryConfig;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.firestore.FirestoreIndex;
import dev.backfillfleet.firestore.FirestoreIndexes;
import dev.backfillfleet.firestore.FirestorePermitStore;
import dev.backfillfleet.inject.Configurations;
import dev.backfillfleet.pubsub.PubSubConfig;
import dev.backfillfleet.pubsub.PubSubQueueSettings;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.backfillfleet.infra.Terraform.blocks;
import static dev.backfillfleet.infra.Terraform.map;
import static dev.backfillfleet.infra.Terraform.number;
import static dev.backfillfleet.infra.Terraform.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Terraform module, read by an HCL parser, against the code: names, the subscription's
 * settings against the worker's lease, extension and attempt budget, the service agent's
 * rights, the indexes against the adapter's list, the tables against the writer's definition,
 * the roles of each identity and the Cloud Run worker pool against the worker's parsers.
 */
class TestTerraform
{
    static final Path MODULE = Repository.ROOT.resolve("infra/terraform/modules/backfill-fleet");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(\\.0)?s");

    private final Terraform module = Terraform.module(MODULE);
    private final Configuration defaults = Configurations.of(Map.of());

    @Test
    void namesAreTheConfigurationsDefaults()
    {
        assertDefault("topic_name", PubSubConfig.TOPIC);
        assertDefault("subscription_name", PubSubConfig.SUBSCRIPTION);
        assertDefault("dead_letter_topic_name", PubSubConfig.DEAD_LETTER_TOPIC);
        assertDefault("dead_letter_subscription_name", PubSubConfig.DEAD_LETTER_SUBSCRIPTION);
        assertDefault("firestore_database", FirestoreConfig.DATABASE);
        assertDefault("firestore_collection", FirestoreConfig.COLLECTION);
        assertDefault("bigquery_dataset_raw", BigQueryConfig.DATASET_RAW);
        assertDefault("bigquery_dataset_static", BigQueryConfig.DATASET_STATIC);
        assertDefault("bigquery_dataset_analytics", BigQueryConfig.DATASET_ANALYTICS);
        assertDefault("bigquery_location", BigQueryConfig.LOCATION);
        // the deployments run BigQuery: the ack deadline is its lease (see theAckDeadlineFitsTheLeaseAndTheClientsExtension)
        assertThat(number(module.variableDefault("ack_deadline_seconds"))).as("ack_deadline_seconds vs the BigQuery lease")
                .isEqualTo(LeaseConfig.BIGQUERY_DEFAULT.toSeconds());
        assertDefault("max_delivery_attempts", QueueConfig.MAX_DELIVERY_ATTEMPTS);
        assertDefault("retry_minimum_backoff_seconds", PubSubConfig.RETRY_MIN_BACKOFF_SECONDS);
        assertDefault("retry_maximum_backoff_seconds", WorkerConfig.MAX_DEFER_SECONDS);
        assertDefault("max_attempts", RetryConfig.MAX_ATTEMPTS);
        assertDefault("worker_concurrency", WorkerConfig.CONCURRENCY);

        assertThat(module.resource("google_pubsub_topic", "work").get("name")).isEqualTo(defaults.values().get(PubSubConfig.TOPIC));
        assertThat(module.resource("google_pubsub_topic", "dead_letter").get("name")).isEqualTo(defaults.values().get(PubSubConfig.DEAD_LETTER_TOPIC));
        assertThat(subscription("work").get("name")).isEqualTo(defaults.values().get(PubSubConfig.SUBSCRIPTION));
        assertThat(subscription("work").get("topic")).isEqualTo("google_pubsub_topic.work.id");
        assertThat(subscription("dead_letter").get("name")).isEqualTo(defaults.values().get(PubSubConfig.DEAD_LETTER_SUBSCRIPTION));
        assertThat(subscription("dead_letter").get("topic")).isEqualTo("google_pubsub_topic.dead_letter.id");
    }

    @Test
    void theAckDeadlineFitsTheLeaseAndTheClientsExtension()
    {
        Configuration worker = cloudRunWorker();
        for (String name : List.of("work", "dead_letter")) {
            Duration ackDeadline = Duration.ofSeconds(number(subscription(name).get("ack_deadline_seconds")));
            // the worker extends the deadline by at most its configured ack deadline per step: the same value
            assertThat(ackDeadline).as("%s subscription's ack deadline vs backfill.ack-deadline-seconds", name).isEqualTo(worker.queue().settings().ackDeadline());
            assertThat(ackDeadline.toSeconds()).as("Pub/Sub allows 10-600 s").isBetween(10L, 600L);
        }
        Duration ackDeadline = worker.queue().settings().ackDeadline();
        assertThat(worker.lease().length())
                .as("a dead worker's message comes back after the ack deadline; its lease must have expired by then, or the redelivery only waits")
                .isLessThanOrEqualTo(ackDeadline);
        assertThat(PubSubQueueSettings.DEFAULT_MAX_ACK_EXTENSION_PERIOD).as("the client keeps extending long dates").isGreaterThan(ackDeadline);
    }

    @Test
    void deadLettersComeAfterTheWorkersAttemptBudget()
    {
        Map<String, Object> policy = map(subscription("work"), "dead_letter_policy");
        assertThat(policy.get("dead_letter_topic")).isEqualTo("google_pubsub_topic.dead_letter.id");
        long attempts = number(policy.get("max_delivery_attempts"));
        assertThat(attempts).as("dead-letter attempts vs the worker's backfill.max-delivery-attempts").isEqualTo(defaults.queue().settings().maxDeliveryAttempts());
        assertThat(attempts).as("Pub/Sub allows 5-100").isBetween(5L, 100L);
        // every wait for an upstream date is a delivery: the backstop must leave room for many above the date's own budget
        assertThat(attempts).as("dead-letter attempts vs the fleet's backfill.max-attempts").isGreaterThanOrEqualTo(10L * defaults.retries().maxAttempts());

        Map<String, Object> retry = map(subscription("work"), "retry_policy");
        assertThat(seconds(retry.get("minimum_backoff"))).isEqualTo(Duration.ofSeconds(Integer.parseInt(defaults.values().get(PubSubConfig.RETRY_MIN_BACKOFF_SECONDS))));
        assertThat(seconds(retry.get("maximum_backoff"))).as("the longest wait vs backfill.max-defer-seconds").isEqualTo(defaults.worker().maxDeferDelay());
    }

    @Test
    void theCoordinatorsEnvironmentKeepsTheSubscriptionAsTerraformSetsIt()
    {
        // values no default has: a setting missing from coordinator_environment would fall back to the code's default
        Terraform changed = Terraform.module(MODULE, Map.of("ack_deadline_seconds", "37", "max_delivery_attempts", "77",
                "retry_minimum_backoff_seconds", "3", "retry_maximum_backoff_seconds", "301", "subscription_name", "\"other-workers\""));
        @SuppressWarnings("unchecked")
        Map<String, Object> output = (Map<String, Object>) map(map(changed.document(), "output"), "coordinator_environment").get("value");
        Map<String, String> environment = new LinkedHashMap<>();
        output.forEach((name, value) -> environment.put(name, text(value)));
        Configuration coordinator = WorkerEnvironment.config("output coordinator_environment", environment);

        // what `coordinator setup` compares with the subscription (PubSubTopology.workSubscription)
        Map<String, Object> subscription = changed.resource("google_pubsub_subscription", "work");
        assertThat(coordinator.values().get(PubSubConfig.SUBSCRIPTION)).isEqualTo(subscription.get("name"));
        assertThat(coordinator.queue().settings().ackDeadline().toSeconds()).isEqualTo(number(subscription.get("ack_deadline_seconds")));
        assertThat((long) coordinator.queue().settings().maxDeliveryAttempts()).isEqualTo(number(map(subscription, "dead_letter_policy").get("max_delivery_attempts")));
        Map<String, Object> retry = map(subscription, "retry_policy");
        assertThat(Duration.ofSeconds(Integer.parseInt(coordinator.values().get(PubSubConfig.RETRY_MIN_BACKOFF_SECONDS))))
                .as("BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS vs the retry policy's minimum").isEqualTo(seconds(retry.get("minimum_backoff")));
        assertThat(coordinator.worker().maxDeferDelay()).as("BACKFILL_MAX_DEFER_SECONDS vs the retry policy's maximum").isEqualTo(seconds(retry.get("maximum_backoff")));
        assertThat(environment).containsKeys("BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS", "BACKFILL_MAX_DEFER_SECONDS");
    }

    @Test
    void subscriptionsKeepALongBacklogAndNeverExpire()
    {
        for (String name : List.of("work", "dead_letter")) {
            assertThat(seconds(subscription(name).get("message_retention_duration"))).as(name).isEqualTo(Duration.ofDays(31));
            assertThat(map(subscription(name), "expiration_policy").get("ttl")).as("%s: an empty ttl never expires", name).isEqualTo("");
        }
    }

    @Test
    void thePubSubServiceAgentCanDeadLetter()
    {
        String agent = "serviceAccount:service-data.google_project.this.number@gcp-sa-pubsub.iam.gserviceaccount.com";
        assertThat(module.local("pubsub_service_agent")).isEqualTo(agent);
        assertThat(grants("google_pubsub_topic_iam_member", "topic")).contains(new Grant("local.pubsub_service_agent", "roles/pubsub.publisher", "google_pubsub_topic.dead_letter.name"));
        assertThat(grants("google_pubsub_subscription_iam_member", "subscription")).contains(new Grant("local.pubsub_service_agent", "roles/pubsub.subscriber", "google_pubsub_subscription.work.name"));

        // on a new project the agent may not exist yet: it is made (service identity) before it is bound
        Map<String, Object> identity = module.resource("google_project_service_identity", "pubsub");
        assertThat(identity).containsEntry("service", "pubsub.googleapis.com").containsEntry("provider", "google-beta");
        assertThat(module.requiredProvider("google-beta")).as("the module declares the beta provider its service identity needs")
                .containsEntry("source", "hashicorp/google-beta");
        for (Map<String, Object> binding : List.of(module.resource("google_pubsub_topic_iam_member", "service_agent_publishes_dead_letters"),
                module.resource("google_pubsub_subscription_iam_member", "service_agent_forwards_from_work"))) {
            assertThat(binding.get("depends_on")).as("the agent's binding waits for the agent").isEqualTo(List.of("google_project_service_identity.pubsub"));
        }
    }

    @Test
    void theIndexesAreTheAdaptersList()
            throws IOException
    {
        assertThat(module.filesRead()).contains(Repository.ROOT.resolve(FirestoreIndexes.INDEX_FILE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indexes = (List<Map<String, Object>>) ((Map<String, Object>) module.local("firestore_index_file")).get("indexes");
        assertThat(indexes.stream().map(TestTerraform::fields).toList())
                .as("the indexes Terraform deploys vs FirestoreIndexes.required(); write %s anew (see TestFirestoreIndexes)", FirestoreIndexes.INDEX_FILE)
                .isEqualTo(FirestoreIndexes.required().stream().map(TestTerraform::fields).toList());

        Map<String, Object> index = module.resource("google_firestore_index", "state");
        assertThat(String.valueOf(index.get("for_each"))).startsWith("ComputedObject");
        assertThat(index.get("collection")).isEqualTo(defaults.values().get(FirestoreConfig.COLLECTION));
        assertThat(index.get("database")).isEqualTo(defaults.values().get(FirestoreConfig.DATABASE));
        Map<String, Object> fields = map(map(index, "dynamic"), "fields");
        assertThat(fields.get("for_each")).isEqualTo("each.value.fields");
        assertThat(map(fields, "content")).containsEntry("field_path", "fields.value.fieldPath").containsEntry("order", "fields.value.order");
    }

    @Test
    void fieldsNoQueryUsesAreExemptFromIndexingAndPermitsExpire()
            throws IOException
    {
        String collection = defaults.values().get(FirestoreConfig.COLLECTION);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> overrides = (List<Map<String, Object>>) ((Map<String, Object>) module.local("firestore_index_file")).get("fieldOverrides");
        assertThat(overrides.stream().map(override -> new FirestoreIndexes.FieldExemption(String.valueOf(override.get("collectionGroup")),
                String.valueOf(override.get("fieldPath")), Boolean.TRUE.equals(override.get("ttl")))).toList())
                .as("the exemptions Terraform deploys vs FirestoreIndexes.exemptions(); write %s anew (see TestFirestoreIndexes)", FirestoreIndexes.INDEX_FILE)
                .isEqualTo(FirestoreIndexes.exemptions(collection));
        assertThat(overrides).allSatisfy(override -> assertThat(override.get("indexes")).as("an override without indexes exempts the field").isEqualTo(List.of()));
        assertThat(overrides).as("the state records' ever-growing timestamps and the permits' expiry are exempt")
                .anySatisfy(override -> assertThat(override).containsEntry("collectionGroup", collection).containsEntry("fieldPath", "updatedAt"))
                .anySatisfy(override -> assertThat(override).containsEntry("collectionGroup", collection).containsEntry("fieldPath", "queuedAt"))
                .anySatisfy(override -> assertThat(override)
                        .containsEntry("collectionGroup", FirestorePermitStore.permitCollection(collection))
                        .containsEntry("fieldPath", FirestorePermitStore.EXPIRE_AT)
                        .containsEntry("ttl", true));

        Map<String, Object> field = module.resource("google_firestore_field", "exemptions");
        assertThat(String.valueOf(field.get("for_each"))).startsWith("ComputedObject");
        assertThat(field.get("database")).isEqualTo(defaults.values().get(FirestoreConfig.DATABASE));
        assertThat(field.get("field")).isEqualTo("each.value.fieldPath");
        assertThat(field.get("index_config")).as("an empty index_config disables the field's indexes").isEqualTo(Map.of());
        assertThat(map(map(field, "dynamic"), "ttl_config")).containsEntry("content", Map.of());

        // the file names the default collection; the module maps its groups onto var.firestore_collection
        assertThat(module.local("generated_collection")).isEqualTo(dev.backfillfleet.firestore.FirestoreStateStoreSettings.DEFAULT_COLLECTION);
        assertThat(Files.readString(MODULE.resolve("firestore.tf")))
                .contains("collection = replace(each.value.collectionGroup, local.generated_collection, var.firestore_collection)");
        String another = "other_states";
        for (FirestoreIndexes.FieldExemption exemption : FirestoreIndexes.exemptions(String.valueOf(module.local("generated_collection")))) {
            String mapped = exemption.collectionGroup().replace(String.valueOf(module.local("generated_collection")), another);
            assertThat(FirestoreIndexes.exemptions(another)).as("%s mapped onto collection %s", exemption, another)
                    .contains(new FirestoreIndexes.FieldExemption(mapped, exemption.fieldPath(), exemption.ttl()));
        }
    }

    @Test
    void withDefaultsNothingNeedsAGkeCluster()
            throws IOException
    {
        assertThat(module.variableDefault("gke_workload_identity")).as("null: the Cloud Run path has no GKE identity pool").isNull();
        Map<String, Object> workloadIdentityResources = new LinkedHashMap<>();
        Map<String, Object> resources = map(module.document(), "resource");
        resources.forEach((type, named) -> map(resources, type).forEach((name, resource) -> {
            String text = String.valueOf(resource);
            if (text.contains("svc.id.goog") || text.contains("roles/iam.workloadIdentityUser")) {
                workloadIdentityResources.put(type + "." + name, resource);
            }
        }));
        assertThat(workloadIdentityResources).as("the worker's binding and the metrics adapter's")
                .containsOnlyKeys("google_service_account_iam_member.gke_worker", "google_project_iam_member.gke_metrics_adapter");
        workloadIdentityResources.forEach((name, resource) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) resource;
            assertThat(attributes.get("count")).as("%s is planned only when gke_workload_identity is set", name).isNotNull();
            assertThat(number(attributes.get("count"))).as("%s's count with the defaults", name).isZero();
        });
        assertThat(occurrences(Files.readString(MODULE.resolve("iam.tf")), "count              = var.gke_workload_identity == null ? 0 : 1")
                + occurrences(Files.readString(MODULE.resolve("iam.tf")), "count   = var.gke_workload_identity == null ? 0 : 1"))
                .as("both GKE-only resources are counted by the one toggle").isEqualTo(2);

        Map<String, Object> adapter = module.resource("google_project_iam_member", "gke_metrics_adapter");
        assertThat(adapter).containsEntry("role", "roles/monitoring.viewer");
        assertThat(String.valueOf(adapter.get("member")))
                .isEqualTo("principal://iam.googleapis.com/projects/data.google_project.this.number/locations/global/workloadIdentityPools/.svc.id.goog/subject/ns/"
                        + TestKubernetesManifests.METRICS_ADAPTER_NAMESPACE + "/sa/" + TestKubernetesManifests.METRICS_ADAPTER_SERVICE_ACCOUNT);
    }

    @Test
    void theTablesAreTheWritersDefinitions()
            throws IOException
    {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> tables = (Map<String, Map<String, Object>>) module.local("bigquery_tables");
        assertThat(module.filesRead()).contains(BigQueryTableFiles.TABLES);
        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        for (TableSchema table : SchemaCatalog.standard().all()) {
            StandardTableDefinition definition = BigQuerySchemas.definition(table);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dataset", table.ref().dataset());
            entry.put("table", table.ref().table());
            entry.put("partitioning", definition.getTimePartitioning() == null ? null
                    : Map.of("type", definition.getTimePartitioning().getType().name(), "field", definition.getTimePartitioning().getField()));
            entry.put("clustering", definition.getClustering() == null ? List.of() : definition.getClustering().getFields());
            expected.put(table.ref().toString(), entry);

            Map<String, Object> deployed = tables.get(table.ref().toString());
            assertThat(deployed).as("Terraform creates no table %s; write infra/bigquery anew: %s", table.ref(), BigQueryTableFiles.WRITE_COMMAND).isNotNull();
            Path schemaFile = BigQueryTableFiles.DIRECTORY.resolve(String.valueOf(deployed.get("schema")));
            assertThat(BigQueryTableFiles.read(Files.readString(schemaFile)))
                    .as("%s: the schema Terraform deploys vs the writer's; write infra/bigquery anew: %s", table.ref(), BigQueryTableFiles.WRITE_COMMAND)
                    .isEqualTo(BigQueryTableFiles.schema(definition));
        }
        Map<String, Map<String, Object>> deployed = new LinkedHashMap<>();
        tables.forEach((id, table) -> {
            Map<String, Object> entry = new LinkedHashMap<>(table);
            entry.remove("schema");
            deployed.put(id, entry);
        });
        assertThat(deployed).as("tables, partitioning and clustering Terraform deploys vs the writer's; write infra/bigquery anew: %s", BigQueryTableFiles.WRITE_COMMAND)
                .isEqualTo(expected);

        Map<String, Object> table = module.resource("google_bigquery_table", "tables");
        assertThat(table.get("for_each")).isEqualTo(tables);
        assertThat(table).containsEntry("table_id", "each.value.table").containsEntry("clustering", "each.value.clustering")
                .containsEntry("schema", "file(path.module/../../../bigquery/each.value.schema)")
                .containsEntry("dataset_id", "google_bigquery_dataset.datasets.each.value.dataset.dataset_id");
        Map<String, Object> partitioning = map(map(table, "dynamic"), "time_partitioning");
        assertThat(map(partitioning, "content")).containsEntry("type", "time_partitioning.value.type").containsEntry("field", "time_partitioning.value.field");

        assertThat(map(module.resource("google_bigquery_dataset", "datasets"), "for_each")).isEqualTo(Map.of(
                RawTables.RAW_DATASET, defaults.values().get(BigQueryConfig.DATASET_RAW),
                RawTables.STATIC_DATASET, defaults.values().get(BigQueryConfig.DATASET_STATIC),
                AnalyticsTable.DATASET, defaults.values().get(BigQueryConfig.DATASET_ANALYTICS)));
    }

    @Test
    void eachIdentityHasTheRolesOfItsWorkOnly()
    {
        String worker = "local.worker_member";
        String coordinator = "local.coordinator_member";
        assertThat(module.local("worker_member")).isEqualTo("serviceAccount:google_service_account.worker.email");
        assertThat(module.local("coordinator_member")).isEqualTo("serviceAccount:google_service_account.coordinator.email");
        assertThat(grantsTo(worker)).containsExactlyInAnyOrder(
                new Grant(worker, "roles/pubsub.viewer", "project"),
                new Grant(worker, "roles/pubsub.subscriber", "google_pubsub_subscription.work.name"),
                new Grant(worker, "roles/pubsub.subscriber", "google_pubsub_subscription.dead_letter.name"),
                new Grant(worker, "roles/pubsub.publisher", "google_pubsub_topic.work.name"),
                new Grant(worker, "roles/pubsub.publisher", "google_pubsub_topic.dead_letter.name"),
                new Grant(worker, "roles/datastore.user", "project if resource.name == \"projects//databases/" + defaults.values().get(FirestoreConfig.DATABASE) + "\""),
                new Grant(worker, "roles/bigquery.jobUser", "project"),
                new Grant(worker, "roles/bigquery.dataViewer", "dataset " + RawTables.RAW_DATASET),
                new Grant(worker, "roles/bigquery.dataViewer", "dataset " + RawTables.STATIC_DATASET),
                new Grant(worker, "roles/bigquery.dataEditor", "dataset " + AnalyticsTable.DATASET));
        assertThat(grantsTo(coordinator)).containsExactlyInAnyOrder(
                new Grant(coordinator, "roles/pubsub.viewer", "project"),
                new Grant(coordinator, "roles/pubsub.publisher", "google_pubsub_topic.work.name"),
                new Grant(coordinator, "roles/datastore.user", "project if resource.name == \"projects//databases/" + defaults.values().get(FirestoreConfig.DATABASE) + "\""),
                new Grant(coordinator, "roles/bigquery.jobUser", "project"),
                new Grant(coordinator, "roles/bigquery.dataViewer", "every dataset"));
    }

    @Test
    void theCloudRunWorkerPoolRunsTheWorkerAsConfigured()
    {
        Map<String, Object> pool = module.resource("google_cloud_run_v2_worker_pool", "workers");
        Map<String, Object> template = map(pool, "template");
        assertThat(template.get("service_account")).isEqualTo("google_service_account.worker.email");
        Map<String, Object> container = map(template, "containers");
        Map<String, String> environment = Terraform.environment(blocks(container, "env"));
        Configuration config = cloudRunWorker();

        assertThat(config.section(PubSubConfig.class).subscription()).isEqualTo(subscription("work").get("name"));
        assertThat(config.section(PubSubConfig.class).topic()).isEqualTo(module.resource("google_pubsub_topic", "work").get("name"));
        assertThat(config.section(PubSubConfig.class).deadLetterSubscription()).isEqualTo(subscription("dead_letter").get("name"));
        assertThat(config.section(PubSubConfig.class).deadLetterTopic()).isEqualTo(module.resource("google_pubsub_topic", "dead_letter").get("name"));
        assertThat(config.queue().settings().ackDeadline().toSeconds()).isEqualTo(number(subscription("work").get("ack_deadline_seconds")));
        assertThat((long) config.queue().settings().maxDeliveryAttempts()).isEqualTo(number(map(subscription("work"), "dead_letter_policy").get("max_delivery_attempts")));
        assertThat(config.adapters().state()).isEqualTo(dev.backfillfleet.config.StateBackend.FIRESTORE);
        assertThat(config.adapters().queue()).isEqualTo(dev.backfillfleet.config.QueueBackend.PUBSUB);
        assertThat(config.adapters().warehouse()).isEqualTo(dev.backfillfleet.config.WarehouseBackend.BIGQUERY);

        // drain, give back, close and exit before Cloud Run's SIGKILL
        List<String> arguments = ((List<?>) container.get("args")).stream().map(Terraform::text).toList();
        assertThat(WorkerEnvironment.shutdownBudget(arguments).platformGrace())
                .as("--shutdown-seconds of %s vs Cloud Run's %s from SIGTERM to SIGKILL", arguments, WorkerEnvironment.CLOUD_RUN_SHUTDOWN)
                .isLessThanOrEqualTo(WorkerEnvironment.CLOUD_RUN_SHUTDOWN);

        // the probes reach the worker's HTTP server
        assertThat(environment).containsEntry("BACKFILL_HTTP_HOST", "0.0.0.0");
        String port = environment.get("BACKFILL_HTTP_PORT");
        assertThat(map(map(container, "startup_probe"), "http_get")).containsEntry("path", "/readyz");
        assertThat(text(map(map(container, "startup_probe"), "http_get").get("port"))).isEqualTo(port);
        assertThat(map(map(container, "liveness_probe"), "http_get")).containsEntry("path", "/healthz");
        assertThat(text(map(map(container, "liveness_probe"), "http_get").get("port"))).isEqualTo(port);

        assertThat(map(pool, "scaling")).containsEntry("scaling_mode", "MANUAL");
    }

    private static int occurrences(String text, String part)
    {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private Map<String, Object> subscription(String name)
    {
        return module.resource("google_pubsub_subscription", name);
    }

    /** The worker's configuration as the Cloud Run worker pool's environment gives it. */
    private Configuration cloudRunWorker()
    {
        Map<String, Object> container = map(map(module.resource("google_cloud_run_v2_worker_pool", "workers"), "template"), "containers");
        return WorkerEnvironment.config("the Cloud Run worker pool", Terraform.environment(blocks(container, "env")));
    }

    private void assertDefault(String variable, dev.backfillfleet.config.ConfigKey key)
    {
        assertThat(text(module.variableDefault(variable))).as("variable %s vs %s", variable, key.name()).isEqualTo(key.defaultValue());
    }

    private static Duration seconds(Object value)
    {
        Matcher matcher = DURATION.matcher(String.valueOf(value));
        assertThat(matcher.matches()).as("a duration in seconds: %s", value).isTrue();
        return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
    }

    private static List<List<String>> fields(Map<String, Object> index)
    {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) index.get("fields");
        return fields.stream().map(field -> List.of(String.valueOf(field.get("fieldPath")), String.valueOf(field.get("order")))).toList();
    }

    private static List<List<String>> fields(FirestoreIndex index)
    {
        return index.fields().stream().map(field -> List.of(field.path(), field.order().name())).toList();
    }

    /** Role grants to a member: on which resource (by its reference), and under which condition. */
    record Grant(String member, String role, String on) {}

    private List<Grant> grants(String type, String resourceAttribute)
    {
        return module.resources(type).values().stream()
                .map(value -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> grant = (Map<String, Object>) value;
                    return new Grant(memberReference(grant.get("member")), String.valueOf(grant.get("role")), String.valueOf(grant.get(resourceAttribute)));
                })
                .toList();
    }

    private List<Grant> grantsTo(String member)
    {
        List<Grant> all = new java.util.ArrayList<>();
        all.addAll(grants("google_pubsub_topic_iam_member", "topic"));
        all.addAll(grants("google_pubsub_subscription_iam_member", "subscription"));
        for (Object value : module.resources("google_project_iam_member").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> grant = (Map<String, Object>) value;
            String on = grant.containsKey("condition") ? "project if " + map(grant, "condition").get("expression") : "project";
            all.add(new Grant(memberReference(grant.get("member")), String.valueOf(grant.get("role")), on));
        }
        for (Object value : module.resources("google_bigquery_dataset_iam_member").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> grant = (Map<String, Object>) value;
            if ("google_bigquery_dataset.datasets".equals(grant.get("for_each"))) {
                all.add(new Grant(memberReference(grant.get("member")), String.valueOf(grant.get("role")), "every dataset"));
            }
            else {
                @SuppressWarnings("unchecked")
                Map<String, Object> roles = (Map<String, Object>) grant.get("for_each");
                assertThat(grant).containsEntry("role", "each.value").containsEntry("dataset_id", "google_bigquery_dataset.datasets.each.key.dataset_id");
                roles.forEach((dataset, role) -> all.add(new Grant(memberReference(grant.get("member")), String.valueOf(role), "dataset " + dataset)));
            }
        }
        return all.stream().filter(grant -> grant.member().equals(member)).toList();
    }

    /** hcl4j resolves a local to its value; map it back to the local's name. */
    private String memberReference(Object member)
    {
        for (String local : List.of("worker_member", "coordinator_member", "pubsub_service_agent")) {
            if (module.local(local).equals(member)) {
                return "local." + local;
            }
        }
        return String.valueOf(member);
    }
}
