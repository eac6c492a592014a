package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.Provisioner;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A cloud adapter's resources, from its provisioning plan (which reads only): what exists as
 * configured, what {@code coordinator setup} would create or change, and what is done by hand.
 */
public final class ProvisioningCheck
        implements DoctorCheck
{
    private final Provisioner provisioner;
    private final MendCommands mends;

    public ProvisioningCheck(Provisioner provisioner, MendCommands mends)
    {
        this.provisioner = requireNonNull(provisioner, "provisioner is null");
        this.mends = requireNonNull(mends, "mends is null");
    }

    @Override
    public List<Finding> run()
    {
        List<Finding> findings = new ArrayList<>();
        for (PlannedChange change : provisioner.plan()) {
            String subject = provisioner.system() + ": " + change.resource();
            findings.add(switch (change.action()) {
                case NONE -> Finding.ok(subject, change.detail());
                case CREATE -> Finding.problem(subject, "missing: " + change.detail(), mends.coordinator("setup"));
                case UPDATE -> Finding.problem(subject, "differs: " + change.detail(), mends.coordinator("setup"));
                case MANUAL -> Finding.problem(subject, "to do by hand", change.detail());
            });
        }
        return findings;
    }
}
