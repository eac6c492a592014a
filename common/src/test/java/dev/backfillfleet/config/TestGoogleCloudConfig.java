package dev.backfillfleet.config;

import dev.backfillfleet.domain.FleetException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.backfillfleet.testing.ConfigAssertions.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestGoogleCloudConfig
{
    @Test
    void defaultsNameNoProjectWhichIsRequiredOnceAGoogleAdapterIsSelected()
    {
        ConfigReader reader = new ConfigReader(new ConfigValues(GoogleCloudConfig.KEYS, Map.of(), Map.of(), Map.of()));
        GoogleCloudConfig.from(reader);
        assertThatThrownBy(reader::validate)
                .isInstanceOf(FleetException.class)
                .hasMessage("invalid configuration: backfill.gcp-project = '' is required when a Google Cloud adapter is selected (from default;"
                        + " set it in $BACKFILL_HOME/backfill.properties or as BACKFILL_GCP_PROJECT)");
    }

    @Test
    void explicitPropertyMappings()
    {
        assertFullMapping(GoogleCloudConfig.KEYS, Map.of("backfill.gcp-project", "my-project-123"), GoogleCloudConfig::from, new GoogleCloudConfig("my-project-123"));
        assertFullMapping(List.of(GoogleCloudConfig.PROJECT), Map.of("backfill.gcp-project", "example.com:my-project"), GoogleCloudConfig::from,
                new GoogleCloudConfig("example.com:my-project"));
    }
}
