package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.ProcessRole;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The start-up checks a worker or a coordinator runs before its work (resources, permissions,
 * indexes), run here without starting anything: their one line names what is missing and the fix.
 */
public final class ReadinessCheck
        implements DoctorCheck
{
    private final FleetConnection fleet;
    private final ProcessRole role;
    private final MendCommands mends;

    public ReadinessCheck(FleetConnection fleet, ProcessRole role, MendCommands mends)
    {
        this.fleet = requireNonNull(fleet, "fleet is null");
        this.role = requireNonNull(role, "role is null");
        this.mends = requireNonNull(mends, "mends is null");
    }

    @Override
    public List<Finding> run()
    {
        String subject = "start-up check of a " + role.name().toLowerCase(Locale.ROOT);
        try {
            fleet.checkReady(role);
            return List.of(Finding.ok(subject, "what it needs exists and may be used"));
        }
        catch (FleetException e) {
            return List.of(Finding.problem(subject, e.getMessage(), "do what the line above says, then " + mends.coordinator("doctor")));
        }
    }
}
