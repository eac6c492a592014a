package dev.backfillfleet.provision;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One resource in a setup plan: what setup found and, for {@link Action#CREATE} and
 * {@link Action#UPDATE}, the change that makes it right.
 *
 * @param resource what it is, e.g. {@code subscription projects/p/subscriptions/s}
 * @param detail what differs, or for {@link Action#MANUAL} the command that fixes it
 */
public record PlannedChange(String resource, Action action, String detail, Optional<Runnable> change)
{
    public PlannedChange
    {
        requireNonNull(resource, "resource is null");
        requireNonNull(action, "action is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(change, "change is null");
        if (change.isPresent() != (action == Action.CREATE || action == Action.UPDATE)) {
            throw new IllegalArgumentException(action + " " + resource + (change.isPresent() ? " has" : " lacks") + " a change");
        }
    }

    public static PlannedChange exists(String resource, String detail)
    {
        return new PlannedChange(resource, Action.NONE, detail, Optional.empty());
    }

    public static PlannedChange create(String resource, String detail, Runnable change)
    {
        return new PlannedChange(resource, Action.CREATE, detail, Optional.of(change));
    }

    public static PlannedChange update(String resource, String detail, Runnable change)
    {
        return new PlannedChange(resource, Action.UPDATE, detail, Optional.of(change));
    }

    public static PlannedChange manual(String resource, String detail)
    {
        return new PlannedChange(resource, Action.MANUAL, detail, Optional.empty());
    }

    public enum Action
    {
        /** Exists as configured: nothing to do. */
        NONE,
        CREATE,
        /** Exists with other settings: setup changes them. */
        UPDATE,
        /** Missing or different, and setup does not change it: {@code detail} says how to. */
        MANUAL
    }
}
