package dev.backfillfleet.provision;

import java.util.List;

/** Carries out a plan: the one place that turns {@link PlannedChange}s into changes. */
public final class Provisioning
{
    private Provisioning() {}

    /** Plans, makes every CREATE and UPDATE, and returns the plan as it was before. */
    public static List<PlannedChange> apply(Provisioner provisioner)
    {
        List<PlannedChange> plan = provisioner.plan();
        plan.forEach(change -> change.change().ifPresent(Runnable::run));
        return plan;
    }
}
