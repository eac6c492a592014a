package dev.backfillfleet.catalog;

import java.util.Locale;
import java.util.Set;

/**
 * Words that neither warehouse takes as a bare column name: the fleet writes column names into
 * its SQL unquoted, so a catalog table may not use them. BigQuery's reserved keywords
 * (https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#reserved_keywords) and
 * the SQLite keywords that cannot be a column name without quotes
 * (https://www.sqlite.org/lang_keywords.html).
 */
final class SqlKeywords
{
    private static final Set<String> RESERVED = Set.of(
            // BigQuery
            "all", "and", "any", "array", "as", "asc", "assert_rows_modified", "at", "between", "by", "case", "cast", "collate", "contains", "create",
            "cross", "cube", "current", "default", "define", "desc", "distinct", "else", "end", "enum", "escape", "except", "exclude", "exists",
            "extract", "false", "fetch", "following", "for", "from", "full", "group", "grouping", "groups", "hash", "having", "if", "ignore", "in",
            "inner", "intersect", "interval", "into", "is", "join", "lateral", "left", "like", "limit", "lookup", "merge", "natural", "new", "no",
            "not", "null", "nulls", "of", "on", "or", "order", "outer", "over", "partition", "preceding", "proto", "qualify", "range", "recursive",
            "respect", "right", "rollup", "rows", "select", "set", "some", "struct", "tablesample", "then", "to", "treat", "true", "unbounded",
            "union", "unnest", "using", "when", "where", "window", "with", "within",
            // SQLite, beyond those
            "add", "alter", "autoincrement", "check", "column", "commit", "constraint", "delete", "drop", "foreign", "index", "insert", "isnull",
            "notnull", "offset", "primary", "references", "returning", "table", "temp", "temporary", "transaction", "trigger", "unique", "update",
            "values", "view", "virtual");

    private SqlKeywords() {}

    static boolean isReserved(String name)
    {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }
}
