package dev.backfillfleet.domain;

import static java.util.Objects.requireNonNull;

/**
 * A failure with its {@link ErrorClass}. Adapters translate client exceptions into this at
 * the port boundary and keep the original as the cause.
 */
public class FleetException
        extends RuntimeException
{
    private final ErrorClass errorClass;

    public FleetException(ErrorClass errorClass, String message)
    {
        this(errorClass, message, null);
    }

    public FleetException(ErrorClass errorClass, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorClass = requireNonNull(errorClass, "errorClass is null");
    }

    public static FleetException transientFailure(String message, Throwable cause)
    {
        return new FleetException(ErrorClass.TRANSIENT, message, cause);
    }

    public static FleetException permanentFailure(String message)
    {
        return new FleetException(ErrorClass.PERMANENT, message);
    }

    public static FleetException userError(String message)
    {
        return new FleetException(ErrorClass.USER, message);
    }

    /** A misconfigured environment; {@code message} names the resource and the fix. */
    public static FleetException environment(String message, Throwable cause)
    {
        return new FleetException(ErrorClass.ENVIRONMENT, message, cause);
    }

    public ErrorClass errorClass()
    {
        return errorClass;
    }

    /** Classifies any throwable: ours keep their class, anything else is a programming error. */
    public static ErrorClass classify(Throwable failure)
    {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof FleetException fleetException) {
                return fleetException.errorClass();
            }
        }
        return ErrorClass.PERMANENT;
    }
}
