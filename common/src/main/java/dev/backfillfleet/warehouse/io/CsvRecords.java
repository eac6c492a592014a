package dev.backfillfleet.warehouse.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records of fields (RFC 4180: comma separated, double quotes around fields
 * that hold commas, quotes or line breaks, a quote doubled inside them). Each record keeps the
 * line it starts on, for error messages. Blank lines are skipped.
 */
final class CsvRecords
{
    private CsvRecords() {}

    record CsvRecord(int line, List<String> fields) {}

    static List<CsvRecord> parse(String text)
            throws MalformedLineException
    {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (quoted) {
                if (character == '"' && index + 1 < text.length() && text.charAt(index + 1) == '"') {
                    field.append('"');
                    index++;
                }
                else if (character == '"') {
                    quoted = false;
                }
                else {
                    line += character == '\n' ? 1 : 0;
                    field.append(character);
                }
                continue;
            }
            switch (character) {
                case '"' -> {
                    if (field.length() > 0 || fieldWasQuoted) {
                        throw new MalformedLineException(line, "a quote inside an unquoted field; quote the whole field and double the quote");
                    }
                    quoted = true;
                    fieldWasQuoted = true;
                    quoteLine = line;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r' -> {
                    // part of a CRLF line break
                }
                case '\n' -> {
                    endRecord(records, fields, field, fieldWasQuoted, recordLine);
                    fieldWasQuoted = false;
                    line++;
                    recordLine = line;
                }
                default -> {
                    if (fieldWasQuoted) {
                        throw new MalformedLineException(line, "text after the closing quote of a field");
                    }
                    field.append(character);
                }
            }
        }
        if (quoted) {
            throw new MalformedLineException(quoteLine, "a quoted field is never closed");
        }
        endRecord(records, fields, field, fieldWasQuoted, recordLine);
        return records;
    }

    private static void endRecord(List<CsvRecord> records, List<String> fields, StringBuilder field, boolean fieldWasQuoted, int line)
    {
        boolean blankLine = fields.isEmpty() && field.length() == 0 && !fieldWasQuoted;
        if (!blankLine) {
            fields.add(field.toString());
            records.add(new CsvRecord(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
    }

    /** A line that is not valid CSV. */
    static final class MalformedLineException
            extends Exception
    {
        private final int line;

        MalformedLineException(int line, String message)
        {
            super(message);
            this.line = line;
        }

        int line()
        {
            return line;
        }
    }
}
