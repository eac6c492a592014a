package dev.backfillfleet.domain;

/**
 * A transient failure in which the backend asked us to slow down (BigQuery's
 * rateLimitExceeded and quotaExceeded): retried after backoff measured in seconds, not
 * milliseconds, and counted apart so that an operator sees the fleet pressing on a limit.
 */
public class ThrottledException
        extends FleetException
{
    public ThrottledException(String message, Throwable cause)
    {
        super(ErrorClass.TRANSIENT, message, cause);
    }
}
