package dev.backfillfleet.infra;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CREMA's configuration scales the Terraform's worker pool on the Terraform's subscription, by flow
 * control; the recipe deploys the current autoscaler image the way the CREMA guide says
 * (https://github.com/GoogleCloudPlatform/cloud-run-external-metrics-autoscaling#deploy), as the
 * service account Terraform creates.
 */
class TestCloudRunAutoscaling
{
    static final Path CONFIG = Repository.ROOT.resolve("infra/cloud-run/crema.yaml");
    static final Path RECIPE = Repository.ROOT.resolve("infra/cloud-run/README.md");
    /** The guide's preferred release; images published before 2026-04-29 (tags 1.0, 1.1 and older builds) leak memory. */
    static final String CURRENT_TAG = "1.2";
    private static final Pattern DEPLOY = Pattern.compile("gcloud run deploy (?:[^\\n]*\\\\\\n)*[^\\n]*");

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

    @Test
    void theRecipeDeploysTheCurrentAutoscalerOnABaseImageAsTerraformsServiceAccount()
            throws IOException
    {
        Matcher deploy = DEPLOY.matcher(Files.readString(RECIPE));
        assertThat(deploy.find()).as("%s has a gcloud run deploy command", RECIPE).isTrue();
        List<String> arguments = List.of(deploy.group().replace("\\\n", " ").trim().split("\\s+"));

        assertThat(argument(arguments, "--image")).as("CREMA's image on the current tag")
                .isEqualTo("us-central1-docker.pkg.dev/cloud-run-oss-images/crema-v1/autoscaler:" + CURRENT_TAG);
        // the image is built FROM scratch: Cloud Run supplies the runtime as its base image
        assertThat(argument(arguments, "--base-image")).matches("\\$BASE_IMAGE_REGION-docker\\.pkg\\.dev/serverless-runtimes/google-24/runtimes/java25");

        Map<String, Object> account = terraform.resource("google_service_account", "crema");
        assertThat(account.get("count")).as("created only when enable_crema is on").isEqualTo(0.0);
        assertThat(argument(arguments, "--service-account")).isEqualTo(account.get("account_id") + "@$PROJECT.iam.gserviceaccount.com");
        assertThat(arguments).contains("--no-cpu-throttling", "--scaling=1", "--no-allow-unauthenticated");
        assertThat(argument(arguments, "--set-env-vars")).startsWith("CREMA_CONFIG=projects/$PROJECT/locations/global/parameters/backfill-crema/versions/1");
    }

    /** The value of {@code --name=value} among the arguments. */
    private static String argument(List<String> arguments, String name)
    {
        return arguments.stream().filter(argument -> argument.startsWith(name + "=")).map(argument -> argument.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + "= in " + arguments));
    }
}
