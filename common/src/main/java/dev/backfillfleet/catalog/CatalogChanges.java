package dev.backfillfleet.catalog;

import dev.backfillfleet.warehouse.TableRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What applying a catalog file does: the catalog it makes (one version later) and, per table,
 * whether it is added, changed, unchanged or removed, with its definition's version. A table whose
 * definition is unchanged keeps its version, so its done dates stay fresh.
 */
public record CatalogChanges(String source, TableCatalog before, TableCatalog after, List<TableChange> changes)
{
    public enum Change
    {
        ADDED, CHANGED, UNCHANGED, REMOVED
    }

    public record TableChange(String table, Change change, Optional<CatalogEntry> before, Optional<CatalogEntry> after) {}

    public CatalogChanges
    {
        java.util.Objects.requireNonNull(source, "source is null");
        changes = List.copyOf(changes);
    }

    public boolean changesAnything()
    {
        return changes.stream().anyMatch(change -> change.change() != Change.UNCHANGED);
    }

    static CatalogChanges plan(TableCatalog current, CatalogFile file)
    {
        SourceLines lines = file.lines();
        List<TableDefinition> builtIns = current.builtIns();
        Map<String, String> aliases = new HashMap<>();
        builtIns.forEach(definition -> {
            aliases.put(definition.name(), definition.name());
            definition.shortName().ifPresent(shortName -> aliases.put(shortName, definition.name()));
        });
        for (TableDefinition table : file.tables()) {
            claim(aliases, table.name(), table.name(), lines, "tables." + table.name());
            table.shortName().ifPresent(shortName -> claim(aliases, shortName, table.name(), lines, "tables." + table.name() + ".short_name"));
        }
        List<TableDefinition> resolved = new ArrayList<>();
        for (TableDefinition table : file.tables()) {
            resolved.add(withCanonicalUpstreams(table, aliases, lines));
        }
        for (TableDefinition table : resolved) {
            requireKnownReferences(table, aliases, lines);
        }
        long version = current.version() + 1;
        List<CatalogEntry> entries = new ArrayList<>();
        List<TableChange> changes = new ArrayList<>();
        Map<String, CatalogEntry> earlier = new LinkedHashMap<>();
        current.userEntries().forEach(entry -> earlier.put(entry.name(), entry));
        for (TableDefinition table : resolved) {
            Optional<CatalogEntry> before = Optional.ofNullable(earlier.remove(table.name()));
            boolean same = before.map(entry -> entry.definition().equals(table)).orElse(false);
            CatalogEntry after = new CatalogEntry(table, same ? before.get().version() : version);
            entries.add(after);
            changes.add(new TableChange(table.name(), before.isEmpty() ? Change.ADDED : same ? Change.UNCHANGED : Change.CHANGED, before, Optional.of(after)));
        }
        earlier.values().forEach(removed -> changes.add(new TableChange(removed.name(), Change.REMOVED, Optional.of(removed), Optional.empty())));
        TableCatalog after;
        try {
            after = TableCatalog.of(builtIns, version, entries);
        }
        catch (IllegalArgumentException e) {
            throw lines.problem(cycleKey(resolved, e.getMessage()), e.getMessage());
        }
        return new CatalogChanges(file.file(), current, after, changes);
    }

    private static void claim(Map<String, String> aliases, String alias, String table, SourceLines lines, String key)
    {
        String earlier = aliases.putIfAbsent(alias, table);
        if (earlier != null) {
            throw lines.problem(key, "'" + alias + "' already names " + (earlier.equals(alias) ? "a table" : "table " + earlier)
                    + "; names and short names are unique among all tables, the built-in ones included");
        }
    }

    private static TableDefinition withCanonicalUpstreams(TableDefinition table, Map<String, String> aliases, SourceLines lines)
    {
        List<Dependency> dependsOn = new ArrayList<>();
        for (Dependency dependency : table.dependsOn()) {
            String name = aliases.get(dependency.upstream());
            if (name == null) {
                throw lines.problem("tables." + table.name() + ".depends_on." + dependency.upstream(),
                        "unknown upstream '" + dependency.upstream() + "'; tables: " + String.join(", ", aliases.keySet().stream().sorted().toList()));
            }
            dependsOn.add(new Dependency(name, dependency.firstDay(), dependency.lastDay()));
        }
        return new TableDefinition(table.name(), table.shortName(), table.dataset(), table.partitionColumn(), table.columns(), dependsOn,
                table.gamesOnly(), table.expectedRows(), table.kind());
    }

    /** Every {@code {{name}}} of the table's SQL names a table: a catalog table, or {@code dataset.table}. */
    private static void requireKnownReferences(TableDefinition table, Map<String, String> aliases, SourceLines lines)
    {
        if (table.kind() instanceof TableKind.Sql sql) {
            requireKnownReferences(sql.select(), aliases, lines, "tables." + table.name() + ".sql");
        }
        table.expectedRows().ifPresent(expected -> requireKnownReferences(expected, aliases, lines, "tables." + table.name() + ".expected_rows"));
    }

    private static void requireKnownReferences(DialectSql sql, Map<String, String> aliases, SourceLines lines, String key)
    {
        for (Map.Entry<SqlDialect, String> text : sql.texts().entrySet()) {
            String textKey = sql.isPortable() ? key : key + "." + text.getKey().key();
            SqlTemplate template;
            try {
                template = SqlTemplate.parse(text.getValue());
            }
            catch (IllegalArgumentException e) {
                throw lines.problem(textKey, e.getMessage());
            }
            for (String reference : template.references()) {
                if (reference.contains(".")) {
                    try {
                        TableRef.parse(reference);
                    }
                    catch (IllegalArgumentException e) {
                        throw lines.problem(textKey, "{{" + reference + "}}: " + e.getMessage());
                    }
                }
                else if (!aliases.containsKey(reference)) {
                    throw lines.problem(textKey, "{{" + reference + "}} names no table of the catalog; use a table's name or short name, or {{dataset.table}}");
                }
            }
        }
    }

    /** The depends_on entry of the first table of the cycle the message names, for its line. */
    private static String cycleKey(List<TableDefinition> tables, String message)
    {
        for (TableDefinition table : tables) {
            for (Dependency dependency : table.dependsOn()) {
                if (message.contains(table.name() + " -> " + dependency.upstream())) {
                    return "tables." + table.name() + ".depends_on." + dependency.upstream();
                }
            }
        }
        return "tables";
    }
}
