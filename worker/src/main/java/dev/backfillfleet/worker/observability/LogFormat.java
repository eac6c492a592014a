package dev.backfillfleet.worker.observability;

import dev.backfillfleet.domain.FleetException;

import java.util.Locale;

/**
 * How log lines look: PLAIN for people (the default), JSON for Cloud Logging and other log
 * pipelines. Chosen by {@code BACKFILL_LOG_FORMAT} or the worker's {@code --log-format}; like the
 * logging system it steers, the choice is process-wide.
 */
public enum LogFormat
{
    PLAIN,
    JSON;

    public static final String ENVIRONMENT_VARIABLE = "BACKFILL_LOG_FORMAT";

    private static volatile LogFormat selected = fromEnvironment();

    public static LogFormat parse(String text)
    {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LogFormat format : values()) {
            if (format.name().equals(normalized)) {
                return format;
            }
        }
        throw FleetException.userError("unknown log format '" + text + "': use plain or json (--log-format or " + ENVIRONMENT_VARIABLE + ")");
    }

    public static LogFormat selected()
    {
        return selected;
    }

    public static void select(LogFormat format)
    {
        selected = format;
    }

    /** An unknown value falls back to PLAIN here: logging must never fail; the worker's CLI reports it. */
    private static LogFormat fromEnvironment()
    {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        if (value == null || value.isBlank()) {
            return PLAIN;
        }
        try {
            return parse(value);
        }
        catch (FleetException e) {
            return PLAIN;
        }
    }
}
