package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.doctor.ContentCheck;
import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;
import dev.backfillfleet.doctor.StorageCheck;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.inject.StoreTime;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.queue.QueuedMessages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs every check that applies to a configuration, over a read-only connection, in an order
 * that knows no adapter: the storage the adapters keep themselves first (embedded files), then
 * what reads it (a check whose storage is broken is skipped, saying so): the queued and running
 * dates, then the adapters' own content checks; then the provisioning plans and the start-up
 * checks of both roles. The adapters contribute their checks through their modules.
 */
public final class Doctor
{
    private static final Comparator<Port> PORT_ORDER = Comparator.comparingInt(port -> List.of(Port.STATE, Port.QUEUE, Port.WAREHOUSE).indexOf(port));

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
        Map<Port, String> unreadable = new EnumMap<>(Port.class);
        List<StorageCheck> storage = new ArrayList<>(fleet.contributions(StorageCheck.class));
        storage.sort(Comparator.comparing(StorageCheck::port, PORT_ORDER));
        for (StorageCheck check : storage) {
            List<Finding> found = check.run(mends);
            findings.addAll(found);
            if (!found.stream().allMatch(finding -> finding.verdict() == Finding.Verdict.OK)) {
                unreadable.putIfAbsent(check.port(), check.storage());
            }
        }

        Optional<String> records = Optional.ofNullable(unreadable.getOrDefault(Port.STATE, unreadable.get(Port.QUEUE)));
        if (records.isPresent()) {
            findings.add(Finding.note("queued and running dates", "not checked: " + records.get() + " cannot be read (above)", Optional.empty()));
        }
        else {
            Optional<QueuedMessages> messages = fleet.capability(QueuedMessages.class);
            run(findings, "queued dates", () -> new QueuedDatesCheck(fleet.stateStore(), fleet.catalog(), messages, mends));
            run(findings, "running dates", () -> new ExpiredLeasesCheck(fleet.stateStore(), fleet.catalog(), messages, fleet.injector().getInstance(com.google.inject.Key.get(Clock.class, StoreTime.class)), mends));
        }

        for (ContentCheck check : fleet.contributions(ContentCheck.class)) {
            if (unreadable.containsKey(check.port())) {
                findings.add(Finding.note(check.subject(), "not checked: " + unreadable.get(check.port()) + " cannot be read (above)", Optional.empty()));
            }
            else {
                run(findings, check.subject(), () -> () -> check.run(mends));
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
        return new DoctorReport(describe(), findings, mends);
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

    /** {@code home /srv/backfill (queue embedded, state embedded); project p (warehouse bigquery)}: where each adapter's data is. */
    private String describe()
    {
        List<AdapterInUse> adapters = new ArrayList<>(fleet.contributions(AdapterInUse.class));
        adapters.sort(Comparator.comparing(AdapterInUse::port));
        Map<String, List<String>> byPlace = new LinkedHashMap<>();
        adapters.forEach(adapter -> byPlace.computeIfAbsent(adapter.place(), ignored -> new ArrayList<>())
                .add(adapter.port().name().toLowerCase(java.util.Locale.ROOT) + " " + adapter.name()));
        List<String> parts = new ArrayList<>();
        byPlace.forEach((place, names) -> parts.add(place + " (" + String.join(", ", names) + ")"));
        return parts.isEmpty() ? "home " + config.home().toAbsolutePath().normalize() : String.join("; ", parts);
    }
}
