package dev.backfillfleet.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds a cycle among tables' upstream dependencies (a depth-first search), naming it as a path. */
final class CycleFinder
{
    private CycleFinder() {}

    static Optional<List<String>> find(Map<String, CatalogEntry> tables)
    {
        Set<String> done = new HashSet<>();
        for (String name : tables.keySet()) {
            Optional<List<String>> cycle = visit(name, tables, new ArrayList<>(), done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String name, Map<String, CatalogEntry> tables, List<String> path, Set<String> done)
    {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return Optional.of(cycle);
        }
        if (done.contains(name) || !tables.containsKey(name)) {
            return Optional.empty();
        }
        path.add(name);
        for (Dependency dependency : tables.get(name).definition().dependsOn()) {
            Optional<List<String>> cycle = visit(dependency.upstream(), tables, path, done);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return Optional.empty();
    }
}
