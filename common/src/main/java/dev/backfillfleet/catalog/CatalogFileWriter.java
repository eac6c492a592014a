package dev.backfillfleet.catalog;

import dev.backfillfleet.warehouse.Column;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes table definitions in the catalog file format, so that what the state store records and
 * what {@code coordinator tables show} prints is the file format operators write, and reads back
 * ({@link CatalogFileParser}) to the same definition.
 */
public final class CatalogFileWriter
{
    // a plain YAML scalar that stays a string: no indicator first, nothing YAML reads as another type
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./{}=+-]*");
    private static final Pattern NOT_A_STRING = Pattern.compile("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*|\\.(inf|nan)");

    private CatalogFileWriter() {}

    /** A whole file: {@code tables:} and each definition. */
    public static String file(List<TableDefinition> tables)
    {
        StringBuilder text = new StringBuilder("tables:\n");
        tables.forEach(table -> text.append(table(table).indent(2)));
        return text.toString();
    }

    /** One definition, as the entry {@code name:} of a file's {@code tables:} map. */
    public static String table(TableDefinition table)
    {
        StringBuilder text = new StringBuilder(table.name()).append(":\n");
        table.shortName().ifPresent(shortName -> text.append("  short_name: ").append(shortName).append('\n'));
        table.dataset().ifPresent(dataset -> text.append("  dataset: ").append(dataset).append('\n'));
        if (!table.partitionColumn().equals(TableDefinition.DEFAULT_PARTITION_COLUMN)) {
            text.append("  partition_column: ").append(table.partitionColumn()).append('\n');
        }
        text.append("  columns:\n");
        for (Column column : table.columns()) {
            text.append("    ").append(column.name()).append(": ").append(column.type().name()).append(column.nullable() ? "" : " REQUIRED").append('\n');
        }
        if (!table.dependsOn().isEmpty()) {
            text.append("  depends_on:\n");
            table.dependsOn().forEach(dependency -> text.append("    ").append(dependency.upstream())
                    .append(": [").append(dependency.firstDay()).append(", ").append(dependency.lastDay()).append("]\n"));
        }
        if (table.gamesOnly()) {
            text.append("  games_only: true\n");
        }
        table.expectedRows().ifPresent(sql -> text.append(sql("expected_rows", sql)));
        if (table.kind() instanceof TableKind.Sql sql) {
            text.append(sql("sql", sql.select()));
        }
        else if (table.kind() instanceof TableKind.Command command) {
            text.append("  command: [").append(command.argv().stream().map(CatalogFileWriter::scalar).collect(Collectors.joining(", "))).append("]\n");
            if (!command.timeout().equals(TableKind.Command.DEFAULT_TIMEOUT)) {
                text.append("  timeout_seconds: ").append(command.timeout().toSeconds()).append('\n');
            }
        }
        else {
            text.append("  # computed by the worker's built-in processor\n");
        }
        return text.toString();
    }

    private static String sql(String key, DialectSql sql)
    {
        if (sql.isPortable()) {
            return "  " + key + ": " + block(sql.texts().values().iterator().next(), 4);
        }
        StringBuilder text = new StringBuilder("  ").append(key).append(":\n");
        for (Map.Entry<SqlDialect, String> entry : sql.texts().entrySet()) {
            text.append("    ").append(entry.getKey().key()).append(": ").append(block(entry.getValue(), 6));
        }
        return text.toString();
    }

    /**
     * A literal block ({@code |}, {@code |-} or {@code |+} as the text's end needs) when the text
     * reads back the same that way, else a double-quoted scalar.
     */
    private static String block(String text, int indent)
    {
        boolean blockSafe = !text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && !text.contains("\t") && !text.contains("\r")
                && text.lines().noneMatch(line -> !line.isEmpty() && Character.isWhitespace(line.charAt(line.length() - 1)));
        if (!blockSafe) {
            return quoted(text) + "\n";
        }
        String chomping = text.endsWith("\n\n") ? "+" : text.endsWith("\n") ? "" : "-";
        String body = text.endsWith("\n") ? text : text + "\n";
        return "|" + chomping + "\n" + body.indent(indent).replaceAll("(?m)^ +$", "");
    }

    private static String scalar(String value)
    {
        return PLAIN.matcher(value).matches() && !NOT_A_STRING.matcher(value).matches() ? value : quoted(value);
    }

    private static String quoted(String value)
    {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    }
                    else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
