package dev.backfillfleet.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;

import java.util.Set;

/**
 * Classifies BigQuery failures by their documented error reasons: rateLimitExceeded,
 * quotaExceeded, backendError, internalError (and job-level variants) and HTTP 5xx are
 * transient; invalidQuery, invalid, notFound and everything else permanent.
 */
final class BigQueryFailures
{
    private static final Set<String> TRANSIENT_REASONS = Set.of(
            "rateLimitExceeded", "quotaExceeded", "backendError", "internalError", "jobRateLimitExceeded", "jobBackendError", "jobInternalError");

    private BigQueryFailures() {}

    static ErrorClass classify(String reason, int httpCode)
    {
        if (reason != null && TRANSIENT_REASONS.contains(reason)) {
            return ErrorClass.TRANSIENT;
        }
        if (httpCode >= 500) {
            return ErrorClass.TRANSIENT;
        }
        return ErrorClass.PERMANENT;
    }

    static FleetException translate(String operation, BigQueryException failure)
    {
        String reason = failure.getReason() != null ? failure.getReason() : failure.getError() == null ? null : failure.getError().getReason();
        ErrorClass errorClass = classify(reason, failure.getCode());
        if (failure.getCode() == 0 && reason == null && failure.getCause() instanceof java.io.IOException) {
            // no answer at all: connection refused, reset, timed out
            errorClass = ErrorClass.TRANSIENT;
        }
        return new FleetException(errorClass, "bigquery " + operation + " failed (" + failure.getCode() + (reason == null ? "" : " " + reason) + "): "
                + failure.getMessage(), failure);
    }

    static FleetException jobFailed(String operation, BigQueryError error)
    {
        return new FleetException(classify(error.getReason(), 0), "bigquery " + operation + " failed (" + error.getReason() + "): " + error.getMessage());
    }

    static FleetException interrupted(String operation, InterruptedException e)
    {
        Thread.currentThread().interrupt();
        return new FleetException(ErrorClass.TRANSIENT, "interrupted during bigquery " + operation, e);
    }
}
