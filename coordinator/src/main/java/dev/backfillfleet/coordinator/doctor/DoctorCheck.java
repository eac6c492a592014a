package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.doctor.Finding;

import java.util.List;

/** One of the doctor's checks. It reads only: it never changes what it looks at. */
@FunctionalInterface
public interface DoctorCheck
{
    List<Finding> run();
}
