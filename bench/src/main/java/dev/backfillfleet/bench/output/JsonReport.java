package dev.backfillfleet.bench.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.backfillfleet.bench.BenchReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report as one indented JSON document; sections that were not run are left out. */
public final class JsonReport
{
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // an older run's JSON may have fields this version no longer has
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private JsonReport() {}

    public static BenchReport read(Path file)
            throws IOException
    {
        return MAPPER.readValue(file.toFile(), BenchReport.class);
    }

    public static void write(BenchReport report, Path file)
            throws IOException
    {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), report);
    }
}
