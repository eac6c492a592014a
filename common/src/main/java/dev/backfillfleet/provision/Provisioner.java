package dev.backfillfleet.provision;

import java.util.List;

/**
 * The cloud resources one adapter needs and that a person provisions on purpose, with
 * {@code coordinator setup} or infra/: never as a side effect of starting a process.
 */
public interface Provisioner
{
    /** What the plan is about, e.g. {@code Pub/Sub}. */
    String system();

    /** Reads only: each resource, whether it exists as configured, and what setup would do. */
    List<PlannedChange> plan();
}
