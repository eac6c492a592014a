package dev.backfillfleet.worker.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.io.BadValueException;
import dev.backfillfleet.warehouse.io.ValueParser;

/** One JSON value of a command's output row as its column's Java value; see {@link OutputRows} for the rules. */
final class JsonValues
{
    private JsonValues() {}

    static Object value(Column column, JsonNode value)
            throws BadValueException
    {
        if (value.isNull()) {
            if (!column.nullable()) {
                throw new BadValueException("is required but null");
            }
            return null;
        }
        if (column.type() == ColumnType.STRING) {
            if (!value.isTextual()) {
                throw notA(column, value);
            }
            return value.textValue();
        }
        if (value.isTextual()) {
            return ValueParser.parse(column, value.textValue());
        }
        return switch (column.type()) {
            case INT64 -> wholeNumber(column, value);
            case FLOAT64 -> floatingPoint(column, value);
            case NUMERIC -> {
                if (!value.isNumber()) {
                    throw notA(column, value);
                }
                yield ValueParser.parse(column, value.decimalValue().toString());
            }
            case BOOL -> {
                if (!value.isBoolean()) {
                    throw notA(column, value);
                }
                yield value.booleanValue();
            }
            case STRING, DATE, TIMESTAMP -> throw notA(column, value);
        };
    }

    private static Long wholeNumber(Column column, JsonNode value)
            throws BadValueException
    {
        if (!value.isIntegralNumber()) {
            throw notA(column, value);
        }
        if (!value.canConvertToLong()) {
            throw new BadValueException(value + " is out of the INT64 range");
        }
        return value.longValue();
    }

    private static Double floatingPoint(Column column, JsonNode value)
            throws BadValueException
    {
        if (!value.isNumber()) {
            throw notA(column, value);
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw new BadValueException(value + " is out of the FLOAT64 range");
        }
        return number;
    }

    private static BadValueException notA(Column column, JsonNode value)
    {
        return new BadValueException(OutputRows.shown(value) + " is not " + expected(column.type())
                + (column.type() == ColumnType.STRING && value.isNumber() ? "; quote it (a number loses leading zeros)" : ""));
    }

    private static String expected(ColumnType type)
    {
        return switch (type) {
            case STRING -> "a STRING (a JSON string)";
            case INT64 -> "an INT64 (a JSON integer, or a string of digits)";
            case FLOAT64 -> "a FLOAT64 (a JSON number)";
            case NUMERIC -> "a NUMERIC (a JSON number, or a string of one)";
            case BOOL -> "a BOOL (true or false)";
            case DATE -> "a DATE (a string such as \"2024-10-22\")";
            case TIMESTAMP -> "a TIMESTAMP (a string such as \"2024-10-22T23:30:00Z\")";
        };
    }
}
