package dev.backfillfleet.worker.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One JSON object per line in the shape Google Cloud Logging parses from a container's output:
 * {@code time}, {@code severity} and {@code message} become the entry's own fields, the rest
 * (logger, thread, the MDC: table, date, run_id, attempt) lands in jsonPayload, and a stack
 * trace in {@code stack_trace} is picked up by Error Reporting.
 */
public final class JsonLogLayout
        extends LayoutBase<ILoggingEvent>
{
    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> RESERVED = Set.of("time", "severity", "message", "logger", "thread", "stack_trace");

    @Override
    public String doLayout(ILoggingEvent event)
    {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            json.writeStringField("severity", severity(event.getLevel()));
            json.writeStringField("message", event.getFormattedMessage());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            for (Map.Entry<String, String> entry : new TreeMap<>(event.getMDCPropertyMap()).entrySet()) {
                if (!RESERVED.contains(entry.getKey())) {
                    writeMdcField(json, entry.getKey(), entry.getValue());
                }
            }
            IThrowableProxy throwable = event.getThrowableProxy();
            if (throwable != null) {
                json.writeStringField("stack_trace", ThrowableProxyUtil.asString(throwable));
            }
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }

    /** The attempt is a number, so that a log query can compare it. */
    private static void writeMdcField(JsonGenerator json, String key, String value)
            throws IOException
    {
        if (key.equals("attempt") && value != null && !value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 10) {
            json.writeNumberField(key, Integer.parseInt(value));
            return;
        }
        json.writeStringField(key, value);
    }

    /** Cloud Logging's LogSeverity names. */
    static String severity(Level level)
    {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }
}
