package dev.backfillfleet.infra;

import dev.backfillfleet.bigquery.BigQueryConfig;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.pubsub.PubSubConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GKE manifests, read into fabric8's typed Kubernetes models, against the worker's own
 * configuration loader and command line and against the Terraform: names, attempts, drain vs
 * termination grace, probes, flow control vs the autoscaler's target, Workload Identity.
 */
class TestKubernetesManifests
{
    static final Path MANIFESTS = Repository.ROOT.resolve("infra/k8s");
    static final String BACKLOG_METRIC = "pubsub.googleapis.com|subscription|num_undelivered_messages";
    /** The Custom Metrics Stackdriver Adapter's Kubernetes service account, in the manifest at the pinned commit. */
    static final String METRICS_ADAPTER_NAMESPACE = "custom-metrics";
    static final String METRICS_ADAPTER_SERVICE_ACCOUNT = "custom-metrics-stackdriver-adapter";
    private static final Pattern PINNED_ADAPTER = Pattern.compile(
            "https://raw\\.githubusercontent\\.com/GoogleCloudPlatform/k8s-stackdriver/[0-9a-f]{40}/custom-metrics-stackdriver-adapter/deploy/production/adapter_new_resource_model\\.yaml");
    private static final Pattern EXAMPLE_IDENTITY = Pattern.compile("(?m)^#\\s*(gke_workload_identity\\s*=.*)$");

    private final List<HasMetadata> resources = load(MANIFESTS);
    private final Terraform terraform = Terraform.module(TestTerraform.MODULE);
    private final Deployment deployment = only(Deployment.class);
    private final PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    private final Container worker = pod.getContainers().get(0);
    private final Configuration config = WorkerEnvironment.config("infra/k8s/deployment.yaml", environment(worker));

    @Test
    void kustomizeAppliesEveryManifest()
            throws IOException
    {
        GenericKubernetesResource kustomization = new KubernetesSerialization().unmarshal(Files.readString(MANIFESTS.resolve("kustomization.yaml")), GenericKubernetesResource.class);
        assertThat(kustomization.getKind()).isEqualTo("Kustomization");
        List<String> listed = ((List<?>) kustomization.getAdditionalProperties().get("resources")).stream().map(String::valueOf).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(manifestFiles(MANIFESTS).stream().map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void theWorkerUsesTheResourcesTerraformCreates()
    {
        assertThat(config.section(PubSubConfig.class).topic()).isEqualTo(terraform.resource("google_pubsub_topic", "work").get("name"));
        assertThat(config.section(PubSubConfig.class).subscription()).isEqualTo(terraform.resource("google_pubsub_subscription", "work").get("name"));
        assertThat(config.section(PubSubConfig.class).deadLetterTopic()).isEqualTo(terraform.resource("google_pubsub_topic", "dead_letter").get("name"));
        assertThat(config.section(PubSubConfig.class).deadLetterSubscription()).isEqualTo(terraform.resource("google_pubsub_subscription", "dead_letter").get("name"));
        assertThat(config.section(FirestoreConfig.class).database()).isEqualTo(Terraform.text(terraform.variableDefault("firestore_database")));
        assertThat(config.section(FirestoreConfig.class).collection()).isEqualTo(Terraform.text(terraform.variableDefault("firestore_collection")));
        assertThat(config.section(BigQueryConfig.class).rawDataset()).isEqualTo(Terraform.text(terraform.variableDefault("bigquery_dataset_raw")));
        assertThat(config.section(BigQueryConfig.class).staticDataset()).isEqualTo(Terraform.text(terraform.variableDefault("bigquery_dataset_static")));
        assertThat(config.section(BigQueryConfig.class).analyticsDataset()).isEqualTo(Terraform.text(terraform.variableDefault("bigquery_dataset_analytics")));
        assertThat(config.adapters().queue()).isEqualTo(dev.backfillfleet.config.QueueBackend.PUBSUB);
        assertThat(config.adapters().state()).isEqualTo(dev.backfillfleet.config.StateBackend.FIRESTORE);
        assertThat(config.adapters().warehouse()).isEqualTo(dev.backfillfleet.config.WarehouseBackend.BIGQUERY);
    }

    @Test
    void theWorkersDeadlinesAndAttemptsAreTheSubscriptions()
    {
        Map<String, Object> subscription = terraform.resource("google_pubsub_subscription", "work");
        assertThat(config.queue().settings().ackDeadline().toSeconds())
                .as("BACKFILL_ACK_DEADLINE_SECONDS vs the subscription's ack_deadline_seconds").isEqualTo(Terraform.number(subscription.get("ack_deadline_seconds")));
        assertThat((long) config.queue().settings().maxDeliveryAttempts())
                .as("BACKFILL_MAX_DELIVERY_ATTEMPTS vs the dead-letter policy").isEqualTo(Terraform.number(Terraform.map(subscription, "dead_letter_policy").get("max_delivery_attempts")));
        assertThat(config.lease().length()).as("lease vs ack deadline").isLessThanOrEqualTo(config.queue().settings().ackDeadline());
    }

    @Test
    void theTerminationGraceCoversTheDrain()
    {
        Duration platformGrace = WorkerEnvironment.shutdownBudget(worker.getArgs()).platformGrace();
        Duration termination = Duration.ofSeconds(pod.getTerminationGracePeriodSeconds());
        assertThat(platformGrace)
                .as("--shutdown-seconds %s (everything after SIGTERM) vs terminationGracePeriodSeconds %s", platformGrace.toSeconds(), termination.toSeconds())
                .isLessThanOrEqualTo(termination);
    }

    @Test
    void theProbesReachTheWorkersHttpServer()
    {
        Map<String, String> environment = environment(worker);
        assertThat(environment).as("the server defaults to localhost, which the kubelet cannot reach").containsEntry("BACKFILL_HTTP_HOST", "0.0.0.0");
        int port = Integer.parseInt(environment.get("BACKFILL_HTTP_PORT"));
        assertThat(worker.getPorts()).anySatisfy(containerPort -> {
            assertThat(containerPort.getName()).isEqualTo("http");
            assertThat(containerPort.getContainerPort()).isEqualTo(port);
        });
        assertProbe(worker.getLivenessProbe(), "/healthz");
        assertProbe(worker.getReadinessProbe(), "/readyz");
        assertProbe(worker.getStartupProbe(), "/healthz");

        GenericKubernetesResource monitoring = resources.stream().filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(resource -> resource.getKind().equals("PodMonitoring")).findFirst().orElseThrow();
        assertThat(monitoring.getApiVersion()).isEqualTo("monitoring.googleapis.com/v1");
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) monitoring.getAdditionalProperties().get("spec");
        assertThat((List<?>) spec.get("endpoints")).singleElement()
                .isEqualTo(Map.of("port", "http", "path", "/metrics", "interval", "30s"));
        @SuppressWarnings("unchecked")
        Map<String, Object> selector = (Map<String, Object>) spec.get("selector");
        assertThat(selector.get("matchLabels")).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theAutoscalerScalesOnTheSubscriptionsBacklogByFlowControl()
    {
        HorizontalPodAutoscaler autoscaler = only(HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        MetricSpec metric = autoscaler.getSpec().getMetrics().stream().filter(spec -> spec.getType().equals("External")).findFirst().orElseThrow();
        assertThat(metric.getExternal().getMetric().getName()).isEqualTo(BACKLOG_METRIC);
        assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels())
                .containsEntry("resource.labels.subscription_id", String.valueOf(terraform.resource("google_pubsub_subscription", "work").get("name")));
        // a worker's flow control holds at most its concurrency: one replica per that many undelivered messages
        assertThat(metric.getExternal().getTarget().getType()).isEqualTo("AverageValue");
        assertThat(metric.getExternal().getTarget().getAverageValue().getNumericalAmount().intValueExact())
                .as("the HPA's messages per replica vs BACKFILL_WORKER_CONCURRENCY").isEqualTo(config.worker().concurrency());
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(1);

        List<HasMetadata> scaleToZero = load(MANIFESTS.resolve("scale-to-zero"));
        assertThat(scaleToZero).singleElement().isInstanceOfSatisfying(HorizontalPodAutoscaler.class, patch -> {
            assertThat(patch.getMetadata().getName()).isEqualTo(autoscaler.getMetadata().getName());
            assertThat(patch.getMetadata().getNamespace()).isEqualTo(autoscaler.getMetadata().getNamespace());
            assertThat(patch.getSpec().getMinReplicas()).isZero();
        });
    }

    @Test
    void disruptionsTakeOneWorkerAtATime()
    {
        PodDisruptionBudget budget = only(PodDisruptionBudget.class);
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    @Test
    void workloadIdentityActsAsTheWorkersServiceAccount()
            throws IOException
    {
        ServiceAccount account = only(ServiceAccount.class);
        assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());
        // gke_workload_identity is null by default (Cloud Run); the example tfvars show the value for these manifests
        Map<String, Object> identity = Terraform.map(exampleGkeWorkloadIdentity(), "gke_workload_identity");
        assertThat(account.getMetadata().getNamespace()).isEqualTo(identity.get("namespace"));
        assertThat(account.getMetadata().getName()).isEqualTo(identity.get("service_account"));
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo(identity.get("namespace"));
        assertThat(account.getMetadata().getAnnotations())
                .containsEntry("iam.gke.io/gcp-service-account", Terraform.text(terraform.variableDefault("worker_service_account_id")) + "@PROJECT_ID.iam.gserviceaccount.com");
        assertThat(environment(worker)).containsEntry("BACKFILL_GCP_PROJECT", "PROJECT_ID");
    }

    @Test
    void theHpasMetricsAdapterIsPinnedAndMayReadCloudMonitoring()
            throws IOException
    {
        Path directory = MANIFESTS.resolve("custom-metrics-adapter");
        GenericKubernetesResource kustomization = new KubernetesSerialization().unmarshal(Files.readString(directory.resolve("kustomization.yaml")),
                GenericKubernetesResource.class);
        assertThat(kustomization.getKind()).isEqualTo("Kustomization");
        List<String> listed = ((List<?>) kustomization.getAdditionalProperties().get("resources")).stream().map(String::valueOf).toList();
        assertThat(listed).as("Google's adapter manifest at one reviewed commit, never a branch").singleElement()
                .satisfies(url -> assertThat(PINNED_ADAPTER.matcher(url).matches()).as(url).isTrue());

        // the account the pinned manifest runs the adapter as is the one Terraform lets read Cloud Monitoring
        @SuppressWarnings("unchecked")
        Map<String, Object> adapter = (Map<String, Object>) terraform.local("metrics_adapter");
        assertThat(adapter).isEqualTo(Map.of("namespace", METRICS_ADAPTER_NAMESPACE, "service_account", METRICS_ADAPTER_SERVICE_ACCOUNT));
        assertThat(terraform.resource("google_project_iam_member", "gke_metrics_adapter")).containsEntry("role", "roles/monitoring.viewer");
    }

    /** The commented-out {@code gke_workload_identity = {...}} of terraform.tfvars.example, read by the HCL parser. */
    private static Map<String, Object> exampleGkeWorkloadIdentity()
            throws IOException
    {
        Matcher example = EXAMPLE_IDENTITY.matcher(Files.readString(Repository.ROOT.resolve("infra/terraform/terraform.tfvars.example")));
        assertThat(example.find()).as("terraform.tfvars.example shows gke_workload_identity for infra/k8s").isTrue();
        try {
            return new com.bertramlabs.plugins.hcl4j.HCLParser().parse(example.group(1));
        }
        catch (com.bertramlabs.plugins.hcl4j.HCLParserException e) {
            throw new AssertionError("terraform.tfvars.example: " + e.getMessage(), e);
        }
    }

    @Test
    void theWorkerRunsAsTheImagesNonRootUser()
    {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the uid jib gives the image (parent pom: jib container user)").isEqualTo(65532L);
    }

    private static void assertProbe(Probe probe, String path)
    {
        assertThat(probe).as("probe on %s", path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    static Map<String, String> environment(Container container)
    {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> {
            throw new AssertionError("environment variable set twice: " + a + ", " + b);
        }, LinkedHashMap::new));
    }

    private <T extends HasMetadata> T only(Class<T> type)
    {
        List<T> matching = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as("one %s in infra/k8s", type.getSimpleName()).hasSize(1);
        return matching.get(0);
    }

    static List<HasMetadata> load(Path directory)
    {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> resources = new ArrayList<>();
        for (Path file : manifestFiles(directory)) {
            try {
                resources.add(serialization.unmarshal(Files.readString(file)));
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return resources;
    }

    static List<Path> manifestFiles(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml") && !file.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
