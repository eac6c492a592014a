package dev.backfillfleet.bigquery;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.ThrottledException;
import dev.backfillfleet.support.CredentialsHelp;

import java.util.Set;

/**
 * Classifies BigQuery failures by their documented error reasons
 * (https://cloud.google.com/bigquery/docs/error-messages): rateLimitExceeded, quotaExceeded and
 * jobRateLimitExceeded are throttling (transient, retried after seconds); backendError,
 * internalError and HTTP 5xx are transient; accessDenied, HTTP 401 and notFound (a dataset or
 * table that does not exist) are the environment's fault; invalidQuery, invalid and everything
 * else permanent.
 */
final class BigQueryFailures
{
    private static final Set<String> THROTTLED_REASONS = Set.of("rateLimitExceeded", "quotaExceeded", "jobRateLimitExceeded");
    private static final Set<String> TRANSIENT_REASONS = Set.of("backendError", "internalError", "jobBackendError", "jobInternalError");
    private static final java.util.regex.Pattern REASON_IN_BODY = java.util.regex.Pattern.compile("\"reason\"\\s*:\\s*\"(\\w+)\"");
    private static final Set<String> ENVIRONMENT_REASONS = Set.of("accessDenied", "notFound");

    private BigQueryFailures() {}

    static ErrorClass classify(String reason, int httpCode)
    {
        if (reason != null && (THROTTLED_REASONS.contains(reason) || TRANSIENT_REASONS.contains(reason))) {
            return ErrorClass.TRANSIENT;
        }
        if ((reason != null && ENVIRONMENT_REASONS.contains(reason)) || httpCode == 401 || httpCode == 403 || httpCode == 404) {
            return ErrorClass.ENVIRONMENT;
        }
        if (httpCode >= 500) {
            return ErrorClass.TRANSIENT;
        }
        return ErrorClass.PERMANENT;
    }

    static FleetException translate(String operation, BigQueryException failure)
    {
        String reason = failure.getReason() != null ? failure.getReason() : failure.getError() == null ? null : failure.getError().getReason();
        if (reason == null) {
            // an upload's error arrives as the HTTP body inside the message: read the reason from it
            java.util.regex.Matcher matcher = REASON_IN_BODY.matcher(String.valueOf(failure.getMessage()));
            reason = matcher.find() ? matcher.group(1) : null;
        }
        String message = "bigquery " + operation + " failed (" + failure.getCode() + (reason == null ? "" : " " + reason) + "): " + failure.getMessage();
        if (reason != null && THROTTLED_REASONS.contains(reason)) {
            return new ThrottledException(message, failure);
        }
        if (failure.getCode() == 0 && reason == null && failure.getCause() instanceof java.io.IOException) {
            // no answer at all: connection refused, reset, timed out
            return new FleetException(ErrorClass.TRANSIENT, message, failure);
        }
        ErrorClass errorClass = classify(reason, failure.getCode());
        if (errorClass == ErrorClass.ENVIRONMENT) {
            return FleetException.environment(message + "; " + fix(reason, failure.getCode()), failure);
        }
        return new FleetException(errorClass, message, failure);
    }

    private static String fix(String reason, int httpCode)
    {
        if ("notFound".equals(reason) || httpCode == 404) {
            return "create the datasets and tables with 'coordinator setup' (or infra/terraform)";
        }
        if (httpCode == 401) {
            return "no valid credentials: " + CredentialsHelp.FIX;
        }
        return "grant this identity its BigQuery roles (see the README's service account table)";
    }

    static FleetException jobFailed(String operation, BigQueryError error)
    {
        String message = "bigquery " + operation + " failed (" + error.getReason() + "): " + error.getMessage();
        if (THROTTLED_REASONS.contains(error.getReason())) {
            return new ThrottledException(message, null);
        }
        ErrorClass errorClass = classify(error.getReason(), 0);
        return errorClass == ErrorClass.ENVIRONMENT
                ? FleetException.environment(message + "; " + fix(error.getReason(), 0), null)
                : new FleetException(errorClass, message);
    }

    static FleetException interrupted(String operation, InterruptedException e)
    {
        Thread.currentThread().interrupt();
        return new FleetException(ErrorClass.TRANSIENT, "interrupted during bigquery " + operation, e);
    }
}
