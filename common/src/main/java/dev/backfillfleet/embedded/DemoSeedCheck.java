package dev.backfillfleet.embedded;

import dev.backfillfleet.doctor.ContentCheck;
import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.warehouse.TableRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The demo seed complete: each raw table is seeded on first use and then marked done in
 * {@code $BACKFILL_HOME/warehouse.seeded/}. A table with rows and no marker was being seeded when
 * its process stopped (a half-written seed, which would be used as if whole); a marker without rows
 * means the warehouse was replaced after the seed, and the table would never be seeded again.
 */
public final class DemoSeedCheck
        implements ContentCheck
{
    private final EmbeddedConfig config;
    private final SqliteWarehouse warehouse;
    private final List<TableRef> rawTables;

    public DemoSeedCheck(EmbeddedConfig config, SqliteWarehouse warehouse, List<TableRef> rawTables)
    {
        this.config = requireNonNull(config, "config is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.rawTables = List.copyOf(rawTables);
    }

    @Override
    public Port port()
    {
        return Port.WAREHOUSE;
    }

    @Override
    public String subject()
    {
        return "demo seed";
    }

    @Override
    public List<Finding> run(MendCommands mends)
    {
        if (!config.demoData()) {
            return List.of(Finding.note(subject(), "not checked: backfill.demo-data is false (the warehouse holds what was imported)", Optional.empty()));
        }
        Path home = config.home().toAbsolutePath().normalize();
        List<Finding> findings = new ArrayList<>();
        int seeded = 0;
        for (TableRef table : rawTables) {
            Path marker = SeedingWarehouse.markerOf(home, table);
            boolean marked = Files.exists(marker);
            boolean hasRows = warehouse.hasRows(table);
            if (marked && hasRows) {
                seeded++;
            }
            else if (hasRows) {
                findings.add(Finding.problem("demo seed: " + table, "has rows but no marker " + marker + ": its seed was interrupted part-way",
                        mends.coordinator("demo-data")));
            }
            else if (marked) {
                findings.add(Finding.problem("demo seed: " + table, "is marked seeded (" + marker + ") but holds no rows: warehouse.db was replaced"
                        + " or emptied after the seed, and the table would not be seeded again", mends.coordinator("demo-data")));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok("demo seed", seeded == 0 ? "nothing seeded yet (each raw table is seeded on first use)"
                    : seeded + " of " + rawTables.size() + " raw tables seeded completely (the others are seeded on first use)"));
        }
        return findings;
    }
}
