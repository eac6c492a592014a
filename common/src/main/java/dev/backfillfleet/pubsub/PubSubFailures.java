package dev.backfillfleet.pubsub;

import com.google.api.gax.rpc.ApiException;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.support.CredentialsHelp;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

/**
 * Translates Pub/Sub client failures into {@link FleetException}, once, at the boundary:
 * ABORTED, UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL and UNKNOWN are transient;
 * NOT_FOUND (a topic or subscription that does not exist), PERMISSION_DENIED and UNAUTHENTICATED
 * are the environment's fault, named with their fix; the rest permanent.
 * (Status codes: https://cloud.google.com/pubsub/docs/reference/error-codes)
 */
final class PubSubFailures
{
    static final String SETUP_FIX = "create it with 'coordinator setup' (or infra/terraform)";

    private PubSubFailures() {}

    static FleetException translate(String operation, Throwable failure)
    {
        return translate(operation, "", failure);
    }

    /** {@code resource} names what the operation used (a topic or subscription path), for the message. */
    static FleetException translate(String operation, String resource, Throwable failure)
    {
        Throwable cause = failure;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FleetException fleetException) {
            return fleetException;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new FleetException(ErrorClass.TRANSIENT, "interrupted during pubsub " + operation, cause);
        }
        String on = resource.isEmpty() ? "" : " " + resource;
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof ApiException apiException) {
                return switch (apiException.getStatusCode().getCode()) {
                    case ABORTED, UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN ->
                            new FleetException(ErrorClass.TRANSIENT, "pubsub " + operation + " failed (" + apiException.getStatusCode().getCode() + "): "
                                    + apiException.getMessage(), cause);
                    case NOT_FOUND -> FleetException.environment("Pub/Sub" + (on.isEmpty() ? " resource" : on) + " does not exist (" + operation + "): " + SETUP_FIX, cause);
                    case PERMISSION_DENIED -> FleetException.environment("Pub/Sub " + operation + on + " is not permitted for this identity: "
                            + apiException.getMessage() + "; grant its role (see the README's service account table)", cause);
                    case UNAUTHENTICATED -> FleetException.environment("Pub/Sub " + operation + ": no valid credentials (" + apiException.getMessage()
                            + "); " + CredentialsHelp.FIX, cause);
                    case OK, CANCELLED, INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED, DATA_LOSS ->
                            new FleetException(ErrorClass.PERMANENT, "pubsub " + operation + " failed (" + apiException.getStatusCode().getCode() + "): "
                                    + apiException.getMessage(), cause);
                };
            }
            if (current instanceof IOException && String.valueOf(current.getMessage()).contains("Application Default Credentials")) {
                return FleetException.environment("Pub/Sub " + operation + ": no Google credentials found; " + CredentialsHelp.FIX, cause);
            }
        }
        return new FleetException(ErrorClass.PERMANENT, "pubsub " + operation + " failed: " + cause, cause);
    }
}
