package dev.backfillfleet.config;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** The Google Cloud project every Google adapter works in; read only when one is selected. */
public record GoogleCloudConfig(String project)
{
    public static final ConfigKey PROJECT = new ConfigKey("backfill.gcp-project", "", "Google Cloud project id (required for gcp adapters)");
    public static final List<ConfigKey> KEYS = List.of(PROJECT);

    // https://cloud.google.com/resource-manager/docs/creating-managing-projects (a domain-scoped id has a prefix)
    private static final Pattern PROJECT_ID = Pattern.compile("([a-z][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{0,62}");

    public GoogleCloudConfig
    {
        requireNonNull(project, "project is null");
    }

    public static GoogleCloudConfig from(ConfigReader reader)
    {
        if (reader.optionalText(PROJECT).isEmpty()) {
            reader.problem(PROJECT, "is required when a Google Cloud adapter is selected");
            return new GoogleCloudConfig("");
        }
        return new GoogleCloudConfig(reader.name(PROJECT, PROJECT_ID,
                "a Google Cloud project id: lowercase letters, digits and hyphens, starting with a letter (e.g. my-project-123)"));
    }
}
