package dev.backfillfleet.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The message body every queue carries: {@code {"table":..., "date":..., "runId":...}}. */
public final class WorkMessageCodec
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkMessageCodec() {}

    public static String encode(WorkItem item)
    {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("table", item.table().tableName());
        node.put("date", item.date().toString());
        node.put("runId", item.runId());
        return node.toString();
    }

    /** Attributes that let an operator filter or read a message without parsing the body. */
    public static Map<String, String> attributes(WorkItem item)
    {
        return Map.of("table", item.table().tableName(), "date", item.date().toString(), "runId", item.runId());
    }

    /** Decodes a body; an unreadable one is a permanent failure naming what is wrong. */
    public static WorkItem decode(String body)
    {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw FleetException.permanentFailure("message body is not a JSON object: " + abbreviate(body));
            }
            String table = text(node, "table", body);
            return new WorkItem(
                    AnalyticsTable.parse(table).orElseThrow(() -> FleetException.permanentFailure("unknown table '" + table + "' in message " + abbreviate(body))),
                    LocalDate.parse(text(node, "date", body)),
                    text(node, "runId", body));
        }
        catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            // Jackson's own message (not its location, which spans lines and says REDACTED)
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new FleetException(dev.backfillfleet.domain.ErrorClass.PERMANENT, "unreadable message body " + abbreviate(body) + ": "
                    + String.valueOf(problem).lines().findFirst().orElse(""), e);
        }
    }

    private static String text(JsonNode node, String field, String body)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw FleetException.permanentFailure("message has no '" + field + "': " + abbreviate(body));
        }
        return value.asText();
    }

    private static String abbreviate(String body)
    {
        return body.length() <= 200 ? "'" + body + "'" : "'" + body.substring(0, 200) + "...'";
    }
}
