package dev.backfillfleet.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/bigquery/ says exactly what the Java table definitions say. With
 * {@code -Dbackfill.infra.write=true} it writes the files instead (the command is in the
 * failure message).
 */
class TestBigQueryTableFiles
{
    static final String WRITE_PROPERTY = "backfill.infra.write";

    @Test
    void theDeployedTableFilesAreTheJavaDefinitions()
            throws IOException
    {
        Map<Path, String> expected = BigQueryTableFiles.expected();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            write(expected);
        }
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            assertThat(file.getKey()).as("%s is missing; write the files anew with:%n  %s", file.getKey(), BigQueryTableFiles.WRITE_COMMAND).exists();
            assertThat(Files.readString(file.getKey()))
                    .as("%s differs from the Java table definitions (SchemaCatalog, TableClustering, BigQuerySchemas); write the files anew with:%n  %s",
                            Repository.ROOT.relativize(file.getKey()), BigQueryTableFiles.WRITE_COMMAND)
                    .isEqualTo(file.getValue());
        }
        assertThat(schemaFiles()).as("schema files of tables the catalog no longer has; write the files anew with:%n  %s", BigQueryTableFiles.WRITE_COMMAND)
                .isEqualTo(expected.keySet().stream().filter(path -> path.startsWith(BigQueryTableFiles.SCHEMAS)).collect(Collectors.toSet()));
    }

    private static void write(Map<Path, String> expected)
            throws IOException
    {
        Files.createDirectories(BigQueryTableFiles.SCHEMAS);
        for (Path stale : schemaFiles()) {
            Files.delete(stale);
        }
        for (Map.Entry<Path, String> file : expected.entrySet()) {
            Files.writeString(file.getKey(), file.getValue());
        }
    }

    private static Set<Path> schemaFiles()
            throws IOException
    {
        if (!Files.isDirectory(BigQueryTableFiles.SCHEMAS)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(BigQueryTableFiles.SCHEMAS)) {
            return files.collect(Collectors.toSet());
        }
    }
}
