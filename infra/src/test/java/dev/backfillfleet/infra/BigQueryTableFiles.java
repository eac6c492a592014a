package dev.backfillfleet.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardTableDefinition;
import dev.backfillfleet.bigquery.BigQuerySchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.TableSchema;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files under {@code infra/bigquery/} that Terraform deploys, made from the one table
 * definition the warehouse itself creates tables with ({@link BigQuerySchemas#definition}):
 * {@code tables.json} (every table: dataset, partitioning, clustering, schema file) and one
 * schema file per table in the JSON form that {@code bq mk --schema} and Terraform's
 * {@code google_bigquery_table.schema} take, with the type names the API returns (INTEGER,
 * FLOAT, BOOLEAN; NUMERIC with its precision and scale), which the provider asks for to avoid a permanent diff
 * (https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#schema).
 */
final class BigQueryTableFiles
{
    static final Path DIRECTORY = Repository.ROOT.resolve("infra/bigquery");
    static final Path TABLES = DIRECTORY.resolve("tables.json");
    static final Path SCHEMAS = DIRECTORY.resolve("schemas");
    /** The command that writes the files anew; the test that compares them prints it. */
    static final String WRITE_COMMAND = "mvn -B -q -pl infra -am test -Dtest=TestBigQueryTableFiles -Dsurefire.failIfNoSpecifiedTests=false -D" + TestBigQueryTableFiles.WRITE_PROPERTY + "=true";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BigQueryTableFiles() {}

    /** Every file, by path, with the content the Java definitions give it. */
    static Map<Path, String> expected()
    {
        Map<Path, String> files = new LinkedHashMap<>();
        ObjectNode document = MAPPER.createObjectNode();
        document.put("_generated", "from SchemaCatalog and BigQuerySchemas; do not edit: " + WRITE_COMMAND);
        ObjectNode tables = document.putObject("tables");
        for (TableSchema table : SchemaCatalog.standard().all()) {
            String id = table.ref().toString();
            String schemaFile = "schemas/" + id + ".json";
            StandardTableDefinition definition = BigQuerySchemas.definition(table);
            ObjectNode entry = tables.putObject(id);
            entry.put("dataset", table.ref().dataset());
            entry.put("table", table.ref().table());
            entry.put("schema", schemaFile);
            if (definition.getTimePartitioning() == null) {
                entry.putNull("partitioning");
            }
            else {
                entry.putObject("partitioning")
                        .put("type", definition.getTimePartitioning().getType().name())
                        .put("field", definition.getTimePartitioning().getField());
            }
            ArrayNode clustering = entry.putArray("clustering");
            if (definition.getClustering() != null) {
                definition.getClustering().getFields().forEach(clustering::add);
            }
            files.put(DIRECTORY.resolve(schemaFile), json(schema(definition)));
        }
        files.put(TABLES, json(document));
        return files;
    }

    static ArrayNode schema(StandardTableDefinition definition)
    {
        ArrayNode fields = MAPPER.createArrayNode();
        for (Field field : definition.getSchema().getFields()) {
            ObjectNode entry = fields.addObject()
                    .put("name", field.getName())
                    .put("type", field.getType().name())
                    .put("mode", field.getMode().name());
            // NUMERIC(P, S): strings, as the API returns them
            if (field.getPrecision() != null) {
                entry.put("precision", field.getPrecision().toString()).put("scale", field.getScale().toString());
            }
        }
        return fields;
    }

    static JsonNode read(String content)
    {
        try {
            return MAPPER.readTree(content);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(JsonNode node)
    {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try {
            return MAPPER.writer(printer).writeValueAsString(node).replace("\r\n", "\n") + "\n";
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
