package dev.backfillfleet.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.backfillfleet.infra.Terraform.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example root (infra/terraform/main.tf), which the README's deploy steps apply: it exposes
 * every switch of the module, passes it through unchanged, and enables every API the steps use.
 */
class TestRootModule
{
    static final Path ROOT_MODULE = Repository.ROOT.resolve("infra/terraform");

    private final Terraform root = Terraform.module(ROOT_MODULE);
    private final Terraform module = Terraform.module(TestTerraform.MODULE);

    /**
     * A switch: a bool, a variable that is null unless set (worker_image, gke_workload_identity), or
     * a list of members. The docs tell people to set these; the root must let them.
     */
    @Test
    void everySwitchOfTheModuleIsARootVariablePassedThrough()
            throws IOException
    {
        String main = Files.readString(ROOT_MODULE.resolve("main.tf"));
        Map<String, Object> call = root.moduleCall("fleet");
        List<String> switches = module.variables().entrySet().stream().filter(entry -> isSwitch(entry.getValue())).map(Map.Entry::getKey).toList();
        assertThat(switches).contains("gke_workload_identity", "enable_crema", "setup_viewers", "impersonators", "worker_image",
                "deletion_protection", "create_firestore_database");
        for (String name : switches) {
            assertThat(root.variables()).as("root variable %s", name).containsKey(name);
            assertThat(map(root.variables(), name).get("default")).as("root default of %s vs the module's", name)
                    .isEqualTo(map(module.variables(), name).get("default"));
            assertThat(call).as("module \"fleet\" sets %s", name).containsKey(name);
            assertThat(Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*var\\." + name + "\\s*$").matcher(main).find())
                    .as("module \"fleet\" passes var.%s through", name).isTrue();
        }
        assertThat(map(root.variables(), "gke_workload_identity").get("default")).as("the Cloud Run path needs no GKE cluster").isNull();
    }

    @Test
    void theApisTheDeployStepsUseAreEnabled()
    {
        Map<String, Object> apis = root.resource("google_project_service", "apis");
        assertThat(((List<?>) apis.get("for_each")).stream().map(String::valueOf).toList()).contains(
                "pubsub.googleapis.com", "firestore.googleapis.com", "bigquery.googleapis.com", "run.googleapis.com", "monitoring.googleapis.com",
                // impersonation (step 3), CREMA's configuration, the images, GKE, the project lookups
                "iamcredentials.googleapis.com", "parametermanager.googleapis.com", "artifactregistry.googleapis.com", "container.googleapis.com",
                "cloudresourcemanager.googleapis.com");
        assertThat(apis).containsEntry("disable_on_destroy", false);
        assertThat(root.moduleCall("fleet").get("depends_on")).isEqualTo(List.of("google_project_service.apis"));
    }

    @Test
    void theRootConfiguresTheProvidersTheModuleNeeds()
    {
        for (String provider : List.of("google", "google-beta")) {
            assertThat(root.requiredProvider(provider)).as(provider).isEqualTo(module.requiredProvider(provider));
            assertThat(map(root.document(), "provider")).containsKey(provider);
        }
    }

    private static boolean isSwitch(Object variable)
    {
        @SuppressWarnings("unchecked")
        Map<String, Object> declaration = (Map<String, Object>) variable;
        String type = String.valueOf(declaration.get("type"));
        return declaration.containsKey("default") && (declaration.get("default") == null || type.startsWith("Boolean") || type.startsWith("List"));
    }
}
