package dev.backfillfleet.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No file of the repository (Terraform, manifests, code, error messages, docs) names an IAM role
 * that Google does not have: a made-up role fails `terraform apply` and sends a person reading an
 * error message looking for nothing. Every role named must be one of these, each checked in
 * Google's IAM role reference (https://cloud.google.com/iam/docs/roles-permissions) in December
 * 2026. A new role goes here once it has been checked there.
 */
class TestIamRolesExist
{
    private static final Set<String> CHECKED_PREDEFINED_ROLES = Set.of(
            "roles/bigquery.dataEditor",
            "roles/bigquery.dataViewer",
            "roles/bigquery.jobUser",
            "roles/bigquery.metadataViewer",
            "roles/datastore.user",
            "roles/datastore.viewer",
            "roles/iam.serviceAccountTokenCreator",
            "roles/iam.serviceAccountUser",
            "roles/iam.workloadIdentityUser",
            "roles/monitoring.viewer",
            "roles/parametermanager.parameterViewer",
            "roles/pubsub.publisher",
            "roles/pubsub.subscriber",
            "roles/pubsub.viewer",
            "roles/run.developer");
    private static final Pattern ROLE = Pattern.compile("roles/[A-Za-z0-9]+\\.[A-Za-z0-9.]*[A-Za-z0-9]");
    private static final Set<String> TEXT = Set.of(".java", ".tf", ".md", ".yaml", ".yml", ".json", ".example", ".properties", ".xml", ".sh", "");

    @Test
    void everyRoleNamedInTheRepositoryExists()
    {
        Map<String, Set<String>> named = rolesNamed(Repository.ROOT);
        assertThat(named).as("the repository names roles").containsKeys("roles/datastore.user", "roles/pubsub.viewer");
        named.forEach((role, files) -> assertThat(CHECKED_PREDEFINED_ROLES).as("%s, named in %s, is not a role checked in Google's IAM role reference", role, files)
                .contains(role));
    }

    /** Role name to the files that name it, over every text file outside build output and version control. */
    private static Map<String, Set<String>> rolesNamed(Path root)
    {
        Map<String, Set<String>> named = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                {
                    String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
                    boolean skipped = !directory.equals(root) && (name.equals("target") || (name.startsWith(".") && !name.equals(".ci")));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                        throws IOException
                {
                    String name = file.getFileName().toString();
                    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
                    if (attributes.size() < 2_000_000 && TEXT.contains(extension)) {
                        Matcher role = ROLE.matcher(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
                        while (role.find()) {
                            named.computeIfAbsent(role.group(), ignored -> new TreeSet<>()).add(root.relativize(file).toString());
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }
}
