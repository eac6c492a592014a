package dev.backfillfleet.worker.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJsonLogs
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void backToPlain()
    {
        LogFormat.select(LogFormat.PLAIN);
        MDC.clear();
    }

    @Test
    void oneObjectPerLineInTheShapeCloudLoggingParses()
            throws Exception
    {
        LoggingEvent event = new LoggingEvent(TestJsonLogs.class.getName(), (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.backfillfleet.worker.WorkItemRunner"),
                Level.WARN, "synthetic {}: FAILED (PERMANENT): \"quoted\"\nsecond line", new IllegalStateException("boom"), new Object[] {"2024-01-05"});
        event.setMDCPropertyMap(Map.of("table", "synthetic", "date", "2024-01-05", "run_id", "20240101T000000Z-abc123", "attempt", "2"));
        JsonLogLayout layout = new JsonLogLayout();
        layout.setContext(new LoggerContext());
        layout.start();

        String line = layout.doLayout(event);

        assertThat(line).endsWith("}\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.get("severity").asText()).isEqualTo("WARNING");
        assertThat(entry.get("message").asText()).isEqualTo("synthetic 2024-01-05: FAILED (PERMANENT): \"quoted\"\nsecond line");
        assertThat(entry.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(entry.get("logger").asText()).isEqualTo("dev.backfillfleet.worker.WorkItemRunner");
        assertThat(entry.get("table").asText()).isEqualTo("synthetic");
        assertThat(entry.get("date").asText()).isEqualTo("2024-01-05");
        assertThat(entry.get("run_id").asText()).isEqualTo("20240101T000000Z-abc123");
        assertThat(entry.get("attempt").isInt()).isTrue();
        assertThat(entry.get("attempt").asInt()).isEqualTo(2);
        assertThat(entry.get("stack_trace").asText()).startsWith("java.lang.IllegalStateException: boom").contains("at dev.backfillfleet");
    }

    @Test
    void severitiesAreCloudLoggingNames()
    {
        assertThat(List.of(Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE).stream().map(JsonLogLayout::severity))
                .containsExactly("ERROR", "WARNING", "INFO", "DEBUG", "DEBUG");
    }

    /** The worker's logback.xml itself (tests run with a logback-test.xml), in a context of its own. */
    @Test
    void theConfiguredLoggersSwitchBetweenPlainAndJson()
            throws Exception
    {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(WorkerMain.class.getResource("/logback.xml"));
        Logger log = context.getLogger("dev.backfillfleet.worker.TestJsonLogs");
        MDC.put("table", "synthetic");
        MDC.put("date", "2024-01-05");

        LogFormat.select(LogFormat.JSON);
        String json = capturingStandardError(() -> log.warn("json {}", 1));
        LogFormat.select(LogFormat.PLAIN);
        String plain = capturingStandardError(() -> log.warn("plain {}", 2));

        assertThat(json.lines()).hasSize(1);
        JsonNode entry = JSON.readTree(json);
        assertThat(entry.get("message").asText()).isEqualTo("json 1");
        assertThat(entry.get("table").asText()).isEqualTo("synthetic");
        assertThat(plain.lines()).hasSize(1);
        assertThat(plain).contains("WARN").contains("synthetic 2024-01-05 - plain 2").doesNotStartWith("{");
        context.stop();
    }

    @Test
    void formatNames()
    {
        assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("plain")).isEqualTo(LogFormat.PLAIN);
        assertThatThrownBy(() -> LogFormat.parse("yaml")).isInstanceOf(FleetException.class).hasMessageContaining("use plain or json");
    }

    private static String capturingStandardError(Runnable action)
    {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        }
        finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
