package dev.backfillfleet.catalog;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a catalog file (the format of the README's "Backfill your own tables", the contract):
 * every key known, every value of its type, exactly one of {@code sql} and {@code command}, and
 * anything else refused in one line naming the file, the line and the key. What needs the other
 * tables (upstreams, cycles, unique names) is {@link TableCatalog#apply}'s to check.
 */
public final class CatalogFileParser
{
    private static final String SHORT_NAME = "short_name";
    private static final String DATASET = "dataset";
    private static final String PARTITION_COLUMN = "partition_column";
    private static final String COLUMNS = "columns";
    private static final String DEPENDS_ON = "depends_on";
    private static final String GAMES_ONLY = "games_only";
    private static final String EXPECTED_ROWS = "expected_rows";
    private static final String SQL = "sql";
    private static final String COMMAND = "command";
    private static final String TIMEOUT_SECONDS = "timeout_seconds";
    private static final Set<String> TABLE_KEYS = Set.of(SHORT_NAME, DATASET, PARTITION_COLUMN, COLUMNS, DEPENDS_ON, GAMES_ONLY,
            EXPECTED_ROWS, SQL, COMMAND, TIMEOUT_SECONDS);
    private static final String MODES = "REQUIRED or NULLABLE";

    private final SourceLines lines;

    private CatalogFileParser(String file)
    {
        this.lines = new SourceLines(file);
    }

    /** Parses {@code text}, read from {@code file} (the name errors give). */
    public static CatalogFile parse(String file, String text)
    {
        return new CatalogFileParser(file).parse(text);
    }

    private CatalogFile parse(String text)
    {
        Node root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(lines.file()).setMaxAliasesForCollections(0).build();
            root = new Compose(settings).composeString(text).orElseThrow(() -> lines.problem("", "the file is empty; it needs a 'tables:' map"));
        }
        catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(mark -> mark.getLine() + 1).orElse(1);
            throw new CatalogFileException(lines.file(), line, "", "not valid YAML: " + e.getProblem());
        }
        catch (YamlEngineException e) {
            throw new CatalogFileException(lines.file(), 1, "", "not valid YAML: " + e.getMessage());
        }
        Map<String, Node> top = mapping("", root, Set.of("tables"));
        Node tablesNode = top.get("tables");
        if (tablesNode == null) {
            throw lines.problem("", "the file needs a 'tables:' map of table name to definition");
        }
        List<TableDefinition> tables = new ArrayList<>();
        mapping("tables", tablesNode, null).forEach((name, definition) -> tables.add(table("tables." + name, name, definition)));
        if (tables.isEmpty()) {
            throw lines.problem("tables", "defines no table");
        }
        return new CatalogFile(tables, lines);
    }

    private TableDefinition table(String key, String name, Node node)
    {
        if (!TableDefinition.isValidName(name)) {
            throw lines.problem(key, "'" + name + "' is not a table name: lower snake case, a letter then letters, digits and _ (at most 128)");
        }
        Map<String, Node> entries = mapping(key, node, TABLE_KEYS);
        Optional<String> shortName = optional(entries, SHORT_NAME).map(value -> name(key + "." + SHORT_NAME, value, "short name"));
        Optional<String> dataset = optional(entries, DATASET).map(value -> name(key + "." + DATASET, value, "dataset"));
        String partitionColumn = optional(entries, PARTITION_COLUMN).map(value -> scalar(key + "." + PARTITION_COLUMN, value))
                .orElse(TableDefinition.DEFAULT_PARTITION_COLUMN);
        Node columnsNode = optional(entries, COLUMNS).orElseThrow(() -> lines.problem(key, "has no 'columns:' (the output schema, in order)"));
        List<Column> columns = columns(key + "." + COLUMNS, columnsNode);
        requirePartitionColumn(key, partitionColumn, columns);
        List<Dependency> dependsOn = optional(entries, DEPENDS_ON).map(value -> dependencies(key + "." + DEPENDS_ON, value)).orElse(List.of());
        boolean gamesOnly = optional(entries, GAMES_ONLY).map(value -> bool(key + "." + GAMES_ONLY, value)).orElse(false);
        Optional<DialectSql> expectedRows = optional(entries, EXPECTED_ROWS).map(value -> sql(key + "." + EXPECTED_ROWS, value));
        TableKind kind = kind(key, entries);
        try {
            return new TableDefinition(name, shortName, dataset, partitionColumn, columns, dependsOn, gamesOnly, expectedRows, kind);
        }
        catch (IllegalArgumentException e) {
            throw lines.problem(key, e.getMessage());
        }
    }

    private TableKind kind(String key, Map<String, Node> entries)
    {
        Optional<Node> sql = optional(entries, SQL);
        Optional<Node> command = optional(entries, COMMAND);
        Optional<Node> timeout = optional(entries, TIMEOUT_SECONDS);
        if (sql.isPresent() && command.isPresent()) {
            throw lines.problem(key + "." + (lineOf(sql.get()) > lineOf(command.get()) ? SQL : COMMAND), "a table has exactly one of sql and command, not both");
        }
        if (sql.isEmpty() && command.isEmpty()) {
            throw lines.problem(key, "needs exactly one of 'sql:' (a SELECT of the date's rows) and 'command:' (a program printing them as JSON lines)");
        }
        if (sql.isPresent()) {
            if (timeout.isPresent()) {
                throw lines.problem(key + "." + TIMEOUT_SECONDS, "applies to a command only (a SQL table's write is bounded by backfill.bigquery-write-timeout-seconds)");
            }
            return new TableKind.Sql(sql(key + "." + SQL, sql.get()));
        }
        List<String> argv = sequence(key + "." + COMMAND, command.get()).stream()
                .map(element -> scalar(key + "." + COMMAND, element))
                .toList();
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw lines.problem(key + "." + COMMAND, "needs a program: a list such as [python3, points.py, --date, \"{date}\"]");
        }
        Duration limit = timeout.map(value -> Duration.ofSeconds(integer(key + "." + TIMEOUT_SECONDS, value, 1, TableKind.Command.MAX_TIMEOUT.toSeconds())))
                .orElse(TableKind.Command.DEFAULT_TIMEOUT);
        return new TableKind.Command(argv, limit);
    }

    private List<Column> columns(String key, Node node)
    {
        Map<String, Node> entries = mapping(key, node, null);
        if (entries.isEmpty()) {
            throw lines.problem(key, "lists no column");
        }
        List<Column> columns = new ArrayList<>();
        entries.forEach((name, value) -> {
            String columnKey = key + "." + name;
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw lines.problem(columnKey, "'" + name + "' is not a column name: lower snake case");
            }
            if (SqlKeywords.isReserved(name)) {
                throw lines.problem(columnKey, "'" + name + "' is a reserved word of SQL (BigQuery or SQLite); pick another column name");
            }
            String[] words = scalar(columnKey, value).trim().split("\\s+");
            if (words.length > 2) {
                throw lines.problem(columnKey, "'" + String.join(" ", words) + "' is not TYPE or TYPE " + MODES);
            }
            ColumnType type = type(columnKey, words[0]);
            boolean nullable = true;
            if (words.length == 2) {
                String mode = words[1].toUpperCase(Locale.ROOT);
                if (!mode.equals("REQUIRED") && !mode.equals("NULLABLE")) {
                    throw lines.problem(columnKey, "unknown mode '" + words[1] + "' (" + MODES + ")");
                }
                nullable = mode.equals("NULLABLE");
            }
            columns.add(new Column(name, type, nullable));
        });
        return columns;
    }

    private ColumnType type(String key, String word)
    {
        try {
            return ColumnType.valueOf(word.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw lines.problem(key, "unknown type '" + word + "' (types: " + Arrays.stream(ColumnType.values()).map(Enum::name).collect(Collectors.joining(" ")) + ")");
        }
    }

    private void requirePartitionColumn(String key, String partitionColumn, List<Column> columns)
    {
        Optional<Column> column = columns.stream().filter(each -> each.name().equals(partitionColumn)).findFirst();
        if (column.isEmpty()) {
            throw lines.problem(key + "." + COLUMNS, "has no column '" + partitionColumn + "', the partition column; add it as '" + partitionColumn + ": DATE REQUIRED'");
        }
        if (column.get().type() != ColumnType.DATE || column.get().nullable()) {
            throw lines.problem(key + "." + COLUMNS + "." + partitionColumn, "the partition column must be 'DATE REQUIRED'");
        }
    }

    private List<Dependency> dependencies(String key, Node node)
    {
        List<Dependency> dependencies = new ArrayList<>();
        mapping(key, node, null).forEach((upstream, window) -> {
            String windowKey = key + "." + upstream;
            List<Node> bounds = sequence(windowKey, window);
            if (bounds.size() != 2) {
                throw lines.problem(windowKey, "a window is [first, last] in days relative to the date, e.g. [-30, -1] or [0, 0]");
            }
            int first = (int) integer(windowKey, bounds.get(0), -Dependency.MAX_WINDOW_DAYS, Dependency.MAX_WINDOW_DAYS);
            int last = (int) integer(windowKey, bounds.get(1), -Dependency.MAX_WINDOW_DAYS, Dependency.MAX_WINDOW_DAYS);
            if (first > last) {
                throw lines.problem(windowKey, "the window [" + first + ", " + last + "] ends before it starts");
            }
            dependencies.add(new Dependency(upstream, first, last));
        });
        return dependencies;
    }

    /** A SELECT for every warehouse, or a map {bigquery: ..., embedded: ...}. */
    private DialectSql sql(String key, Node node)
    {
        if (node instanceof ScalarNode) {
            return DialectSql.portable(nonBlank(key, scalar(key, node)));
        }
        Set<String> dialectKeys = Arrays.stream(SqlDialect.values()).map(SqlDialect::key).collect(Collectors.toUnmodifiableSet());
        Map<SqlDialect, String> texts = new EnumMap<>(SqlDialect.class);
        mapping(key, node, dialectKeys).forEach((dialect, text) -> texts.put(
                Arrays.stream(SqlDialect.values()).filter(each -> each.key().equals(dialect)).findFirst().orElseThrow(),
                nonBlank(key + "." + dialect, scalar(key + "." + dialect, text))));
        if (texts.isEmpty()) {
            throw lines.problem(key, "gives no SQL: a text, or a map of bigquery: and embedded:");
        }
        return new DialectSql(texts);
    }

    private String nonBlank(String key, String text)
    {
        if (text.isBlank()) {
            throw lines.problem(key, "is empty");
        }
        return text;
    }

    private String name(String key, Node node, String what)
    {
        String value = scalar(key, node);
        if (!TableDefinition.isValidName(value)) {
            throw lines.problem(key, "'" + value + "' is not a " + what + ": lower snake case, a letter then letters, digits and _");
        }
        return value;
    }

    /**
     * The entries of a mapping, in file order, each key's line recorded; a key outside
     * {@code allowed} (when given) or a key given twice is refused.
     */
    private Map<String, Node> mapping(String key, Node node, Set<String> allowed)
    {
        if (!(node instanceof MappingNode mapping)) {
            throw lines.problem(key, "must be a map (key: value lines), not " + describe(node));
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = scalar(key, tuple.getKeyNode());
            String path = key.isEmpty() ? name : key + "." + name;
            int line = lineOf(tuple.getKeyNode());
            if (allowed != null && !allowed.contains(name)) {
                throw new CatalogFileException(lines.file(), line, path, "unknown key '" + name + "' (known: "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            if (entries.put(name, tuple.getValueNode()) != null) {
                throw new CatalogFileException(lines.file(), line, path, "'" + name + "' is given twice");
            }
            lines.record(path, line);
        }
        return entries;
    }

    private List<Node> sequence(String key, Node node)
    {
        if (!(node instanceof SequenceNode sequence)) {
            throw lines.problem(key, "must be a list, not " + describe(node));
        }
        return sequence.getValue();
    }

    private String scalar(String key, Node node)
    {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw lines.problem(key, "must be a value, not " + describe(node));
        }
        return scalar.getValue();
    }

    private boolean bool(String key, Node node)
    {
        String value = scalar(key, node);
        if (!node.getTag().equals(Tag.BOOL)) {
            throw lines.problem(key, "'" + value + "' is not true or false");
        }
        return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
    }

    private long integer(String key, Node node, long min, long max)
    {
        String value = scalar(key, node);
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        }
        catch (NumberFormatException e) {
            throw lines.problem(key, "'" + value + "' is not a whole number");
        }
        if (parsed < min || parsed > max) {
            throw lines.problem(key, parsed + " is out of range (" + min + " to " + max + ")");
        }
        return parsed;
    }

    private static Optional<Node> optional(Map<String, Node> entries, String key)
    {
        return Optional.ofNullable(entries.get(key));
    }

    private static int lineOf(Node node)
    {
        return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }

    private static String describe(Node node)
    {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node.getTag().equals(Tag.NULL) ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }
}
