package dev.backfillfleet.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the BigQuery stand-in answers a SELECT it has no fixed shape for (a catalog table's SQL, its
 * expected_rows, their dry runs): the tables the SQL names in backticks ({@code `project.dataset.table`})
 * are copied into an in-memory SQLite database under those very names, and SQLite runs the SELECT
 * with the named parameters bound ({@code @date}). The result's schema is what BigQuery would
 * answer for the common cases: a column read from a table keeps that table's type (through
 * aliases and subqueries), a computed one is typed by its values (an integer INTEGER, a real FLOAT,
 * a text of the form YYYY-MM-DD DATE, other text STRING, a column with no value INTEGER, as
 * BigQuery types a bare NULL). An unknown column is BigQuery's "Unrecognized name", any other
 * error a syntax error; both are 400 answers. Functions only BigQuery has are not understood.
 */
final class StandInSql
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Declared in SQLite as {@code BLOB_<type>}: no type affinity, so every value stays as it was loaded ("113.70" stays text). */
    private static final String DECLARED = "BLOB_";
    private static final Pattern TABLE_NAME = Pattern.compile("`([^`]+\\.[^`]+)`");
    private static final Pattern PARAMETER = Pattern.compile("@(\\w+)");
    /** The stand-in keeps its guard: the fleet names the columns it reads. */
    private static final Pattern SELECT_STAR = Pattern.compile("(?i)(\\bSELECT\\s+(DISTINCT\\s+)?\\*|,\\s*\\*|\\.\\*)");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A table as the stand-in holds it: its schema's fields and its rows, keyed by column name. */
    record Table(ArrayNode fields, List<ObjectNode> rows) {}

    /** A query's result: the schema's fields, then per row the values in field order (JSON as loaded; null for NULL). */
    record Result(ArrayNode fields, List<List<JsonNode>> rows) {}

    private StandInSql() {}

    /**
     * Runs {@code sql} over the tables it names ({@code tables} finds one by its backticked name,
     * or throws its own not-found); an {@link IllegalArgumentException} is BigQuery's 400.
     */
    static Result evaluate(String sql, Map<String, String> parameters, Function<String, Table> tables)
    {
        if (SELECT_STAR.matcher(sql).find()) {
            throw new IllegalArgumentException("the stand-in does not evaluate SELECT *: name the columns, as the fleet does: " + sql.strip());
        }
        Map<String, Table> named = new LinkedHashMap<>();
        Matcher names = TABLE_NAME.matcher(sql);
        while (names.find()) {
            named.putIfAbsent(names.group(1), tables.apply(names.group(1)));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (Map.Entry<String, Table> table : named.entrySet()) {
                copy(connection, table.getKey(), table.getValue());
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, sql, parameters);
                try (ResultSet resultSet = statement.executeQuery()) {
                    return result(resultSet);
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalArgumentException(bigQueryMessage(e));
        }
    }

    private static void copy(Connection connection, String name, Table table)
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        for (JsonNode field : table.fields()) {
            columns.add(field.path("name").asText());
            definitions.add("\"" + field.path("name").asText() + "\" " + DECLARED + legacyType(field.path("type").asText()));
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE `" + name + "` (" + String.join(", ", definitions) + ")");
        }
        String placeholders = String.join(", ", columns.stream().map(column -> "?").toList());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO `" + name + "` VALUES (" + placeholders + ")")) {
            for (ObjectNode row : table.rows()) {
                for (int i = 0; i < columns.size(); i++) {
                    insert.setObject(i + 1, sqliteValue(row.get(columns.get(i))));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Object sqliteValue(JsonNode value)
    {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        return value.asText();
    }

    /** SQLite numbers each distinct {@code @name} by its first appearance; BigQuery refuses a parameter it was not given. */
    private static void bind(PreparedStatement statement, String sql, Map<String, String> parameters)
            throws SQLException
    {
        Set<String> inOrder = new LinkedHashSet<>();
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            inOrder.add(matcher.group(1));
        }
        int index = 1;
        for (String name : inOrder) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("Query parameter '" + name + "' not found at [1:" + (sql.indexOf("@" + name) + 1) + "]");
            }
            statement.setString(index++, parameters.get(name));
        }
    }

    private static Result result(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int count = metaData.getColumnCount();
        List<List<Object>> values = new ArrayList<>();
        while (resultSet.next()) {
            List<Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(resultSet.getObject(i));
            }
            values.add(row);
        }
        ArrayNode fields = MAPPER.createArrayNode();
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String declared = metaData.getColumnTypeName(i);
            String type = declared != null && declared.startsWith(DECLARED) ? declared.substring(DECLARED.length()) : typeOfValues(values, i - 1);
            types.add(type);
            fields.addObject().put("name", metaData.getColumnLabel(i)).put("type", type).put("mode", "NULLABLE");
        }
        List<List<JsonNode>> rows = new ArrayList<>();
        for (List<Object> row : values) {
            List<JsonNode> json = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                json.add(jsonValue(row.get(i), types.get(i)));
            }
            rows.add(json);
        }
        return new Result(fields, rows);
    }

    private static String typeOfValues(List<List<Object>> rows, int column)
    {
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value instanceof Integer || value instanceof Long) {
                return "INTEGER";
            }
            if (value instanceof Number) {
                return "FLOAT";
            }
            if (value instanceof String text) {
                return DATE_TEXT.matcher(text).matches() ? "DATE" : "STRING";
            }
        }
        return "INTEGER";
    }

    private static JsonNode jsonValue(Object value, String type)
    {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case "BOOLEAN" -> NODES.booleanNode(((Number) value).longValue() != 0);
            case "INTEGER" -> value instanceof Number number && number.doubleValue() == number.longValue()
                    ? NODES.numberNode(number.longValue())
                    : NODES.textNode(value.toString());
            case "FLOAT" -> value instanceof Number number ? NODES.numberNode(number.doubleValue()) : NODES.textNode(value.toString());
            default -> NODES.textNode(value.toString());
        };
    }

    /** The REST API's (legacy) type names, which a schema may spell either way. */
    static String legacyType(String type)
    {
        return switch (type) {
            case "INT64" -> "INTEGER";
            case "FLOAT64" -> "FLOAT";
            case "BOOL" -> "BOOLEAN";
            default -> type;
        };
    }

    private static String bigQueryMessage(SQLException e)
    {
        String message = String.valueOf(e.getMessage());
        Matcher column = Pattern.compile("no such column: ([\\w.]+)").matcher(message);
        if (column.find()) {
            return "Unrecognized name: " + column.group(1);
        }
        int detail = message.indexOf('(');
        return "Syntax error: " + (detail >= 0 && message.endsWith(")") ? message.substring(detail + 1, message.length() - 1) : message).replace('\n', ' ');
    }
}
