package dev.backfillfleet.domain;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A table the fleet backfills, by its warehouse name: the built-in five, {@code synthetic}, or
 * one of the user's from the table catalog. Only the name: what the table is (its columns,
 * upstream dates, what computes it) is its definition in the catalog
 * ({@code dev.backfillfleet.catalog.TableCatalog}), which may change while records keyed by the
 * name stay.
 */
public record AnalyticsTable(String tableName)
        implements Comparable<AnalyticsTable>
{
    // spliced into SQL, document ids, job ids and file names: lower snake case only (as TableRef);
    // first, so that the constants below can be checked against it
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,127}");

    /** The dataset of the analytics tables (BigQuery maps it to the configured one). */
    public static final String DATASET = "nba_analytics";

    public static final AnalyticsTable TEAM_OFFENSE = new AnalyticsTable("team_offense_game_summary");
    public static final AnalyticsTable TEAM_DEFENSE = new AnalyticsTable("team_defense_game_summary");
    public static final AnalyticsTable PLAYER_SUMMARY = new AnalyticsTable("player_game_summary");
    public static final AnalyticsTable UPCOMING_PLAYER = new AnalyticsTable("upcoming_player_game_context");
    public static final AnalyticsTable UPCOMING_TEAM = new AnalyticsTable("upcoming_team_game_context");
    /** Exercises the fleet itself: in the catalog, never part of "all". */
    public static final AnalyticsTable SYNTHETIC = new AnalyticsTable("synthetic");

    public AnalyticsTable
    {
        requireNonNull(tableName, "tableName is null");
        if (!isValidName(tableName)) {
            throw new IllegalArgumentException("'" + tableName + "' is not a table name: lower snake case, a letter then letters, digits and _ (at most 128)");
        }
    }

    /** The table of a stored or transported name; empty when it is no table name. */
    public static java.util.Optional<AnalyticsTable> parse(String name)
    {
        return name != null && isValidName(name) ? java.util.Optional.of(new AnalyticsTable(name)) : java.util.Optional.empty();
    }

    public static boolean isValidName(String name)
    {
        return NAME.matcher(name).matches();
    }

    @Override
    public int compareTo(AnalyticsTable other)
    {
        return tableName.compareTo(other.tableName);
    }

    @Override
    public String toString()
    {
        return tableName;
    }
}
