package dev.backfillfleet.infra;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CREMA's configuration scales the Terraform's worker pool on the Terraform's subscription, by flow control. */
class TestCloudRunAutoscaling
{
    static final Path CONFIG = Repository.ROOT.resolve("infra/cloud-run/crema.yaml");

    private final Terraform terraform = Terraform.module(TestTerraform.MODULE);

    @Test
    @SuppressWarnings("unchecked")
    void cremaScalesTheWorkerPoolOnItsSubscriptionsBacklog()
            throws IOException
    {
        GenericKubernetesResource config = new KubernetesSerialization().unmarshal(Files.readString(CONFIG), GenericKubernetesResource.class);
        assertThat(config.getApiVersion()).isEqualTo("crema/v1");
        assertThat(config.getKind()).isEqualTo("CremaConfig");
        Map<String, Object> spec = (Map<String, Object>) config.getAdditionalProperties().get("spec");
        Map<String, Object> scaled = (Map<String, Object>) ((Map<String, Object>) ((List<?>) spec.get("scaledObjects")).get(0)).get("spec");

        String pool = String.valueOf(terraform.resource("google_cloud_run_v2_worker_pool", "workers").get("name"));
        assertThat(((Map<String, Object>) scaled.get("scaleTargetRef")).get("name")).isEqualTo("projects/PROJECT_ID/locations/REGION/workerpools/" + pool);

        Map<String, Object> trigger = (Map<String, Object>) ((List<?>) scaled.get("triggers")).get(0);
        assertThat(trigger.get("type")).as("KEDA deprecated its gcp-pubsub scaler").isEqualTo("prometheus");
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        assertThat(metadata.get("serverAddress")).isEqualTo("https://monitoring.googleapis.com/v1/projects/PROJECT_ID/location/global/prometheus");
        String subscription = String.valueOf(terraform.resource("google_pubsub_subscription", "work").get("name"));
        assertThat(String.valueOf(metadata.get("query")))
                .contains("pubsub_googleapis_com:subscription_num_undelivered_messages")
                .contains("subscription_id=\"" + subscription + "\"");
        assertThat(metadata.get("threshold")).as("messages per instance vs the worker pool's BACKFILL_WORKER_CONCURRENCY")
                .isEqualTo(Terraform.text(terraform.variableDefault("worker_concurrency")));

        Map<String, Object> authentication = (Map<String, Object>) ((List<?>) spec.get("triggerAuthentications")).get(0);
        assertThat(((Map<String, Object>) trigger.get("authenticationRef")).get("name")).isEqualTo(((Map<String, Object>) authentication.get("metadata")).get("name"));
        assertThat(((Map<String, Object>) authentication.get("spec")).get("podIdentity")).isEqualTo(Map.of("provider", "gcp"));
    }
}
