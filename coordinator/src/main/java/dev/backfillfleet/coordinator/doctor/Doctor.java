package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.GoogleCloudConfig;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.config.QueueBackend;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.config.WarehouseBackend;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.embedded.SqliteWorkQueue;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.TableSchema;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs every check that applies to a configuration, over a read-only connection: the embedded
 * files first, then what reads them (a check whose file is broken is skipped, saying so), then,
 * for Google Cloud, the provisioning plans and the start-up checks of both roles.
 */
public final class Doctor
{
    private final FleetConnection fleet;
    private final Configuration config;
    private final MendCommands mends;

    public Doctor(FleetConnection fleet)
    {
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.config = fleet.config();
        this.mends = new MendCommands(config);
    }

    public DoctorReport examine()
    {
        List<Finding> findings = new ArrayList<>();
        Path home = config.home().toAbsolutePath().normalize();
        boolean stateReadable = config.adapters().state() != StateBackend.EMBEDDED || checkFile(findings, home.resolve("state.db"),
                "move it aside: mv " + home.resolve("state.db") + " " + home.resolve("state.db.corrupt")
                        + " (the fleet then forgets which dates are done: the next run or enqueue computes them again)");
        boolean queueReadable = config.adapters().queue() != QueueBackend.EMBEDDED || checkFile(findings, home.resolve("queue.db"),
                "move it aside: mv " + home.resolve("queue.db") + " " + home.resolve("queue.db.corrupt")
                        + ", then " + mends.coordinator("doctor") + " gives the enqueue that republishes the queued dates");
        boolean warehouseReadable = config.adapters().warehouse() != WarehouseBackend.EMBEDDED || checkFile(findings, home.resolve("warehouse.db"),
                "move it aside: mv " + home.resolve("warehouse.db") + " " + home.resolve("warehouse.db.corrupt") + " && rm -r "
                        + home.resolve("warehouse.seeded") + ", then " + mends.coordinator("demo-data")
                        + " (or import your data again) and run the tables again with --force");

        Optional<SqliteWorkQueue> embeddedQueue = config.adapters().queue() == QueueBackend.EMBEDDED
                ? Optional.of((SqliteWorkQueue) fleet.queue()) : Optional.empty();
        String stateName = config.adapters().state() == StateBackend.EMBEDDED ? "state.db" : "the state store";
        if (!stateReadable || !queueReadable) {
            String unreadable = !stateReadable ? "state.db" : "queue.db";
            findings.add(Finding.note("queued and running dates", "not checked: " + unreadable + " cannot be read (above)", Optional.empty()));
        }
        else {
            run(findings, "queued dates in " + stateName, () -> new QueuedDatesCheck(fleet.stateStore(), embeddedQueue, mends));
            run(findings, "running dates in " + stateName,
                    () -> new ExpiredLeasesCheck(fleet.stateStore(), embeddedQueue, fleet.injector().getInstance(Clock.class), mends));
        }

        if (config.adapters().warehouse() == WarehouseBackend.EMBEDDED) {
            if (!config.section(EmbeddedConfig.class).demoData()) {
                findings.add(Finding.note("demo seed", "not checked: backfill.demo-data is false (the warehouse holds what was imported)", Optional.empty()));
            }
            else if (!warehouseReadable) {
                findings.add(Finding.note("demo seed", "not checked: warehouse.db cannot be read (above)", Optional.empty()));
            }
            else {
                run(findings, "demo seed", () -> new DemoSeedCheck(home, fleet.injector().getInstance(SqliteWarehouse.class),
                        RawTables.all().stream().map(TableSchema::ref).toList(), mends));
            }
        }

        List<Provisioner> provisioners = new ArrayList<>(fleet.provisioners());
        provisioners.sort(Comparator.comparing(Provisioner::system));
        for (Provisioner provisioner : provisioners) {
            run(findings, provisioner.system(), () -> new ProvisioningCheck(provisioner, mends));
        }
        if (!provisioners.isEmpty()) {
            // a backend out of reach fails every start-up check the same way: said once is enough
            if (findings.stream().noneMatch(finding -> finding.verdict() == Finding.Verdict.UNREADABLE)) {
                run(findings, "start-up check of a worker", () -> new ReadinessCheck(fleet, ProcessRole.WORKER, mends));
                run(findings, "start-up check of a coordinator", () -> new ReadinessCheck(fleet, ProcessRole.COORDINATOR, mends));
            }
            else {
                findings.add(Finding.note("start-up checks", "not run: what they check cannot be read (above)", Optional.empty()));
            }
        }
        return new DoctorReport(describe(home), findings, mends);
    }

    private boolean checkFile(List<Finding> findings, Path file, String mend)
    {
        List<Finding> found = new SqliteFileCheck(file, mend).run();
        findings.addAll(found);
        return found.stream().allMatch(finding -> finding.verdict() == Finding.Verdict.OK);
    }

    /** Runs a check; one that cannot read what it checks says so (and why) instead of stopping the others. */
    private static void run(List<Finding> findings, String subject, Supplier<DoctorCheck> check)
    {
        try {
            findings.addAll(check.get().run());
        }
        catch (FleetException e) {
            findings.add(Finding.unreadable(subject, e.getMessage()));
        }
    }

    private String describe(Path home)
    {
        List<String> embedded = new ArrayList<>();
        List<String> cloud = new ArrayList<>();
        (config.adapters().queue() == QueueBackend.EMBEDDED ? embedded : cloud).add("queue " + config.adapters().queue().configName());
        (config.adapters().state() == StateBackend.EMBEDDED ? embedded : cloud).add("state " + config.adapters().state().configName());
        (config.adapters().warehouse() == WarehouseBackend.EMBEDDED ? embedded : cloud).add("warehouse " + config.adapters().warehouse().configName());
        String where = embedded.isEmpty() ? "" : "home " + home + " (" + String.join(", ", embedded) + ")";
        String project = cloud.isEmpty() ? "" : "project " + config.section(GoogleCloudConfig.class).project() + " (" + String.join(", ", cloud) + ")";
        return String.join("; ", List.of(where, project).stream().filter(part -> !part.isEmpty()).toList());
    }
}
