package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.TableRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Every table the fleet can backfill: the built-in ones and those the operator applied from a
 * catalog file, each with its definition's version. Names and short names are unique across all
 * of them; every upstream exists; the upstream graph has no cycle. Immutable: applying a file
 * makes a new catalog ({@link CatalogChanges}).
 */
public final class TableCatalog
{
    /** The table for exercising the fleet itself: in the catalog, never part of {@code --table all}. */
    public static final String SYNTHETIC = "synthetic";

    private final long version;
    private final Map<String, CatalogEntry> entries;
    private final Map<String, String> nameByAlias;

    private TableCatalog(long version, List<CatalogEntry> entries)
    {
        this.version = version;
        Map<String, CatalogEntry> byName = new LinkedHashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (CatalogEntry entry : entries) {
            TableDefinition definition = entry.definition();
            if (byName.put(definition.name(), entry) != null) {
                throw new IllegalArgumentException("two tables named " + definition.name());
            }
            alias(aliases, definition.name(), definition.name());
            definition.shortName().ifPresent(shortName -> alias(aliases, shortName, definition.name()));
        }
        this.entries = byName;
        this.nameByAlias = Map.copyOf(aliases);
        for (CatalogEntry entry : entries) {
            for (Dependency dependency : entry.definition().dependsOn()) {
                if (!byName.containsKey(dependency.upstream())) {
                    throw new IllegalArgumentException(entry.name() + " depends on " + dependency.upstream() + ", which is no table of the catalog");
                }
            }
        }
        CycleFinder.find(byName).ifPresent(cycle -> {
            throw new IllegalArgumentException("the tables depend on each other in a cycle: " + String.join(" -> ", cycle));
        });
    }

    private static void alias(Map<String, String> aliases, String alias, String name)
    {
        String earlier = aliases.put(alias, name);
        if (earlier != null) {
            throw new IllegalArgumentException("'" + alias + "' names both " + earlier + " and " + name);
        }
    }

    /** The built-in tables alone: version 0, before any catalog file is applied. */
    public static TableCatalog builtIn(List<TableDefinition> builtIns)
    {
        return new TableCatalog(0, builtIns.stream().map(definition -> new CatalogEntry(definition, 0)).toList());
    }

    /** The built-in tables and the user's entries of catalog version {@code version}. */
    public static TableCatalog of(List<TableDefinition> builtIns, long version, List<CatalogEntry> userEntries)
    {
        List<CatalogEntry> all = new ArrayList<>(builtIns.stream().map(definition -> new CatalogEntry(definition, 0)).toList());
        all.addAll(userEntries);
        return new TableCatalog(version, all);
    }

    /** The catalog version: how many files were applied (0: the built-in tables only). */
    public long version()
    {
        return version;
    }

    /** A table by its name or short name, in any case. */
    public Optional<CatalogEntry> find(String nameOrShortName)
    {
        String name = nameByAlias.get(nameOrShortName.trim().toLowerCase(Locale.ROOT));
        return name == null ? Optional.empty() : Optional.of(entries.get(name));
    }

    public CatalogEntry entry(String name)
    {
        CatalogEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no table named " + name + " in catalog version " + version);
        }
        return entry;
    }

    public TableDefinition definition(String name)
    {
        return entry(name).definition();
    }

    public TableDefinition definition(AnalyticsTable table)
    {
        return definition(table.tableName());
    }

    /** The table's entry, if the catalog has it (a table removed since a date was queued has none). */
    public Optional<CatalogEntry> entry(AnalyticsTable table)
    {
        return Optional.ofNullable(entries.get(table.tableName()));
    }

    /** What operators read for the table: its short name if it has one, else its name (also for a table no longer in the catalog). */
    public String displayName(AnalyticsTable table)
    {
        return entry(table).map(entry -> entry.definition().displayName()).orElse(table.tableName());
    }

    /**
     * The upstream (table, date) records that must be SUCCEEDED or NO_GAMES before {@code key}
     * may run: each dependency's window around its date.
     */
    public List<DateKey> upstreamKeys(DateKey key)
    {
        List<DateKey> keys = new ArrayList<>();
        entry(key.table()).ifPresent(entry -> entry.definition().dependsOn().forEach(dependency -> dependency.upstreamDates(key.date())
                .forEach(date -> keys.add(new DateKey(new AnalyticsTable(dependency.upstream()), date)))));
        return List.copyOf(keys);
    }

    /**
     * The (table, date) records that depend on {@code key} directly: the inverse of
     * {@link #upstreamKeys}. For {@code team_offense} on D: {@code player_summary} D and
     * {@code upcoming_player} D+1..D+30.
     */
    public List<DateKey> downstreamKeys(DateKey key)
    {
        List<DateKey> keys = new ArrayList<>();
        dependentsOf(key.table().tableName()).forEach((dependent, dependency) -> dependency.dependentDates(key.date())
                .forEach(date -> keys.add(new DateKey(dependent.table(), date))));
        return List.copyOf(keys);
    }

    /**
     * The table a catalog table's SQL names with {@code {{reference}}}: a catalog table by name or
     * short name, or {@code dataset.table}.
     */
    public TableRef referencedTable(String reference)
    {
        if (reference.contains(".")) {
            return TableRef.parse(reference);
        }
        return find(reference).map(entry -> entry.definition().ref())
                .orElseThrow(() -> FleetException.permanentFailure("{{" + reference + "}} names no table of catalog version " + version));
    }

    /**
     * {@code sql} for {@code dialect}, its table references written as {@code sqlTableName}
     * names them: what the warehouse in use runs for {@code table}.
     */
    public String render(String table, DialectSql sql, SqlDialect dialect, Function<TableRef, String> sqlTableName)
    {
        String text = sql.forDialect(dialect).orElseThrow(() -> FleetException.permanentFailure(table + " has no SQL for the " + dialect.key()
                + " warehouse: its definition gives " + sql.texts().keySet().stream().map(SqlDialect::key).toList() + " only"));
        return SqlTemplate.parse(text).render(reference -> sqlTableName.apply(referencedTable(reference)));
    }

    public boolean hasUpstreams(AnalyticsTable table)
    {
        return entry(table).map(entry -> entry.definition().hasUpstreams()).orElse(false);
    }

    public List<CatalogEntry> entries()
    {
        return List.copyOf(entries.values());
    }

    /** Every table of the catalog, {@code synthetic} included, in catalog order. */
    public List<AnalyticsTable> tables()
    {
        return entries.values().stream().map(entry -> entry.definition().table()).toList();
    }

    /** The user's tables (not built in), in name order. */
    public List<CatalogEntry> userEntries()
    {
        return entries.values().stream().filter(entry -> !entry.builtIn()).sorted(Comparator.comparing(CatalogEntry::name)).toList();
    }

    /** Every name and short name, for suggestions when a name is not found. */
    public List<String> aliases()
    {
        return nameByAlias.keySet().stream().sorted().toList();
    }

    /**
     * What {@code --table all} means: every table but {@link #SYNTHETIC}, upstream tables before
     * the tables that depend on them.
     */
    public List<TableDefinition> all()
    {
        return inDependencyOrder().stream().filter(definition -> !definition.name().equals(SYNTHETIC)).toList();
    }

    /** Every table, each after the tables it depends on (ties in catalog order). */
    public List<TableDefinition> inDependencyOrder()
    {
        List<TableDefinition> ordered = new ArrayList<>();
        Map<String, Integer> depth = new HashMap<>();
        entries.keySet().forEach(name -> depth(name, depth));
        entries.values().stream()
                .map(CatalogEntry::definition)
                .sorted(Comparator.comparingInt(definition -> depth.get(definition.name())))
                .forEach(ordered::add);
        return ordered;
    }

    /** How many levels of upstream tables a table has (0: none). */
    public int depth(String name)
    {
        return depth(name, new HashMap<>());
    }

    private int depth(String name, Map<String, Integer> memo)
    {
        Integer known = memo.get(name);
        if (known != null) {
            return known;
        }
        int depth = definition(name).dependsOn().stream().mapToInt(dependency -> depth(dependency.upstream(), memo) + 1).max().orElse(0);
        memo.put(name, depth);
        return depth;
    }

    /** The tables with a dependency on {@code upstream}, and that dependency. */
    public Map<TableDefinition, Dependency> dependentsOf(String upstream)
    {
        Map<TableDefinition, Dependency> dependents = new LinkedHashMap<>();
        for (CatalogEntry entry : entries.values()) {
            for (Dependency dependency : entry.definition().dependsOn()) {
                if (dependency.upstream().equals(upstream)) {
                    dependents.put(entry.definition(), dependency);
                }
            }
        }
        return dependents;
    }

    /**
     * The catalog with {@code file}'s tables as the user's tables (the file is the whole set of
     * them: a user table absent from it is removed), one version later, and what changed; every
     * problem refused in one line naming the file, line and key.
     */
    public CatalogChanges apply(CatalogFile file)
    {
        return CatalogChanges.plan(this, file);
    }

    /** The built-in definitions, as this catalog holds them. */
    List<TableDefinition> builtIns()
    {
        return entries.values().stream().filter(CatalogEntry::builtIn).map(CatalogEntry::definition).toList();
    }
}
