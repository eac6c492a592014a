package dev.backfillfleet.catalog;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where each key of a catalog file is (1-based lines), by its dotted path
 * ({@code tables.team_points.depends_on.team_offense}), so that a problem found after parsing (a
 * cycle, an unknown upstream, SQL that does not compile) still names the line.
 */
public final class SourceLines
{
    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();

    public SourceLines(String file)
    {
        this.file = requireNonNull(file, "file is null");
    }

    public String file()
    {
        return file;
    }

    void record(String key, int line)
    {
        lines.putIfAbsent(key, line);
    }

    /** The line of {@code key}, or of its nearest parent that has one (1 when none does). */
    public int line(String key)
    {
        for (String current = key; ; current = current.substring(0, current.lastIndexOf('.'))) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            if (current.indexOf('.') < 0) {
                return 1;
            }
        }
    }

    public CatalogFileException problem(String key, String problem)
    {
        return new CatalogFileException(file, line(key), key, problem);
    }
}
