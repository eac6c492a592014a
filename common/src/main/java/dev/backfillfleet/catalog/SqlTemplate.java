package dev.backfillfleet.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The SQL of a catalog table: table references written {@code {{name}}} (a catalog table by name
 * or short name) or {@code {{dataset.table}}}, rewritten for the warehouse in use, and the date
 * as the parameter {@code @date}, which each warehouse binds as a DATE.
 */
public final class SqlTemplate
{
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)?");

    private final String text;
    private final List<String> references;

    private SqlTemplate(String text, List<String> references)
    {
        this.text = text;
        this.references = List.copyOf(references);
    }

    /** Reads the references of {@code text}; a malformed one is an IllegalArgumentException saying which. */
    public static SqlTemplate parse(String text)
    {
        requireNonNull(text, "text is null");
        Set<String> references = new LinkedHashSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        int end = 0;
        while (matcher.find()) {
            requireNoStrayBraces(text.substring(end, matcher.start()));
            String reference = matcher.group(1);
            if (!NAME.matcher(reference).matches()) {
                throw new IllegalArgumentException("'{{" + reference + "}}' is not a table reference: {{name}} or {{dataset.table}}");
            }
            references.add(reference.toLowerCase(java.util.Locale.ROOT));
            end = matcher.end();
        }
        requireNoStrayBraces(text.substring(end));
        return new SqlTemplate(text, new ArrayList<>(references));
    }

    private static void requireNoStrayBraces(String text)
    {
        if (text.contains("{{") || text.contains("}}")) {
            throw new IllegalArgumentException("unbalanced {{ }} in the SQL: a table reference is {{name}} or {{dataset.table}}");
        }
    }

    /** The distinct references, lower-cased, in order of appearance: {@code team_offense}, {@code nba_raw.nbac_schedule}. */
    public List<String> references()
    {
        return references;
    }

    /** The SQL with each reference replaced by what {@code qualifiedName} gives for it. */
    public String render(Function<String, String> qualifiedName)
    {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(qualifiedName.apply(matcher.group(1).toLowerCase(java.util.Locale.ROOT))));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    public String text()
    {
        return text;
    }
}
