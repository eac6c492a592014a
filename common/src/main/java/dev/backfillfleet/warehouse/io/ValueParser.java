package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Converts the text of one field to its column's type: INT64 whole numbers, FLOAT64 decimals,
 * NUMERIC exact decimals (as written, within BigQuery's NUMERIC: 29 digits before the point, 9 after),
 * BOOL true/false/1/0, DATE {@code YYYY-MM-DD}, and TIMESTAMP in exactly these forms (the README
 * lists them too): an ISO date-time in UTC or with an offset, {@code 2024-10-22T23:30:00Z},
 * {@code 2024-10-22T19:30:00-04:00}, seconds optional, a fraction of a second allowed, offset as
 * {@code +HH:MM} or {@code +HH}, {@code T} and {@code Z} in either case; BigQuery's export form
 * {@code 2024-10-22 23:30:00[.ffffff] UTC}; and, for Eastern columns
 * only ({@code *_et}, {@code *_est}), a wall-clock time in America/New_York, {@code 2024-10-22 19:30[:00]} or
 * {@code 2024-10-22T19:30[:00]}. Empty text is NULL.
 */
public final class ValueParser
{
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** How BigQuery exports a TIMESTAMP to CSV and JSON: {@code 2024-10-22 23:30:00 UTC}, a fraction of a second when it has one. */
    private static final DateTimeFormatter BIGQUERY_EXPORT = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 6, true)
            .appendLiteral(" UTC")
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);
    /** A space or a T between date and time, never both or neither. */
    private static final List<DateTimeFormatter> WALL_CLOCK = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]"));

    private ValueParser() {}

    /** The typed value of {@code text}, or null for empty text; a required column may not be empty. */
    public static Object parse(Column column, String text)
            throws BadValueException
    {
        if (isEmpty(column, text)) {
            if (!column.nullable()) {
                throw new BadValueException("is required but empty");
            }
            return null;
        }
        String trimmed = text.trim();
        return switch (column.type()) {
            case STRING -> text;
            case INT64 -> parseWholeNumber(trimmed);
            case FLOAT64 -> parseDecimal(trimmed);
            case NUMERIC -> parseExactDecimal(column, trimmed);
            case BOOL -> parseBoolean(trimmed);
            case DATE -> parseDate(trimmed);
            case TIMESTAMP -> parseTimestamp(trimmed, isEastern(column));
        };
    }

    /** Empty text is NULL; blank text too, except in a STRING column, where spaces are a value. */
    private static boolean isEmpty(Column column, String text)
    {
        return text == null || (column.type() == ColumnType.STRING ? text.isEmpty() : text.isBlank());
    }

    private static Long parseWholeNumber(String text)
            throws BadValueException
    {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new BadValueException("'" + text + "' is not a whole number (INT64)");
        }
        try {
            return Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            throw new BadValueException("'" + text + "' is out of the INT64 range");
        }
    }

    private static Double parseDecimal(String text)
            throws BadValueException
    {
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadValueException("'" + text + "' is not a number (FLOAT64)");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new BadValueException("'" + text + "' is out of the FLOAT64 range");
        }
        return value;
    }

    /** The exact decimal of the text, at the column's scale (a value with more decimals is refused, never rounded). */
    private static BigDecimal parseExactDecimal(Column column, String text)
            throws BadValueException
    {
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadValueException("'" + text + "' is not a number (" + column.typeName() + ")");
        }
        try {
            return (BigDecimal) column.normalize(new BigDecimal(text));
        }
        catch (IllegalArgumentException e) {
            throw new BadValueException("'" + text + "' does not fit " + column.typeName());
        }
    }

    private static Boolean parseBoolean(String text)
            throws BadValueException
    {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new BadValueException("'" + text + "' is not a boolean: use true/false or 1/0");
        };
    }

    private static LocalDate parseDate(String text)
            throws BadValueException
    {
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        }
        catch (DateTimeParseException e) {
            throw new BadValueException("'" + text + "' is not a valid date");
        }
        throw new BadValueException("'" + text + "' is not a date: use YYYY-MM-DD");
    }

    private static Instant parseTimestamp(String text, boolean eastern)
            throws BadValueException
    {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException notAnInstant) {
            // try the other forms below
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException notWithOffset) {
            // try BigQuery's export form below
        }
        try {
            return LocalDateTime.parse(text, BIGQUERY_EXPORT).toInstant(java.time.ZoneOffset.UTC);
        }
        catch (DateTimeParseException notExported) {
            // try a wall-clock time below
        }
        LocalDateTime wallClock = wallClock(text).orElseThrow(() -> new BadValueException("'" + text
                + "' is not a timestamp: use an ISO instant such as 2024-10-22T23:30:00Z" + (eastern ? " or an Eastern time such as 2024-10-22 19:30" : "")));
        if (!eastern) {
            throw new BadValueException("'" + text + "' has no time zone: use an ISO instant such as 2024-10-22T23:30:00Z"
                    + " (only Eastern columns, named *_et or *_est, take wall-clock times)");
        }
        return wallClock.atZone(EASTERN).toInstant();
    }

    private static Optional<LocalDateTime> wallClock(String text)
    {
        for (DateTimeFormatter format : WALL_CLOCK) {
            try {
                return Optional.of(LocalDateTime.parse(text, format));
            }
            catch (DateTimeException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static boolean isEastern(Column column)
    {
        return column.name().endsWith("_et") || column.name().endsWith("_est");
    }
}
