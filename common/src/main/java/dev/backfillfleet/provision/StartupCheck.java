package dev.backfillfleet.provision;

/**
 * Checks, before a process starts its work, that what it needs exists and that it may use it.
 * A failure is a {@link dev.backfillfleet.domain.ErrorClass#ENVIRONMENT} error whose message
 * names the missing resource or permission and the fix.
 */
public interface StartupCheck
{
    void check(ProcessRole role);
}
