package dev.backfillfleet.coordinator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The {@code --json} output of every verb: one indented document. */
public final class JsonOutput
{
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {}

    public static void print(PrintWriter out, Object document)
    {
        out.println(write(document));
        out.flush();
    }

    public static String write(Object document)
    {
        try {
            return MAPPER.writeValueAsString(document);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
