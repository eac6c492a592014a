package dev.backfillfleet.coordinator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No SQL is built from input: a grep over the main sources of every module for SQL text joined
 * with anything but the names of the schema registry. Values must be query parameters ({@code ?}
 * in SQLite, {@code @name} in BigQuery); a failure names the file, the line and what was spliced.
 *
 * <p>What may be joined into SQL, and why each is safe:
 * <ul>
 * <li>{@code sqlName(...)}: a table's name, from a {@code TableRef} of the schema catalog (lower
 *     snake case only, checked by TableRef) and, on BigQuery, the configured project and dataset
 *     (checked by BigQueryConfig against what BigQuery admits, and again by BigQueryWarehouse#sqlName);</li>
 * <li>{@code partitionColumn}, {@code schema.partitionColumn().get()}, {@code columnList(schema)},
 *     {@code columnDefinitions(schema)}: column names and types of the table's schema in the catalog;
 *     {@code columnList(columns)}: columns looked up by name in that schema (an unknown name is refused);</li>
 * <li>{@code column.name()}, {@code partitionColumn(schema)}, {@code storageClasses(column.type())}: a column of
 *     the table's schema and the SQLite storage classes of its type, literals chosen by a switch;</li>
 * <li>{@code dateColumn}: the date column of another pipeline's table that {@code compare} reads, refused
 *     unless it is one of that table's own columns (embedded) or matches BigQuery's column-name rule;</li>
 * <li>{@code catalogSelect}: the SELECT of a table definition the operator applied (their own SQL, which
 *     the fleet runs as asked, by design), with its {@code {{name}}}s rewritten to the names above by
 *     {@code TableCatalog.render}, and the date bound as a parameter, never spliced;</li>
 * <li>{@code placeholders(n)}: {@code ?, ?, ?}, the marks that values are bound to (or, given a
 *     shape of rows, {@code (?, ?), (?, ?)} for a multi-row INSERT);</li>
 * <li>a constant ({@code UPPER_CASE}) declared {@code static final String} in the same file from
 *     literals and other such constants only (e.g. a column list), which this test checks too.</li>
 * </ul>
 * Anything else (a variable, a method's result, a value's text) fails the test.
 */
class TestSqlIsBuiltFromTheRegistryOnly
{
    private static final Pattern SQL = Pattern.compile(
            "\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (TABLE|INDEX)|ALTER TABLE|DROP|PRAGMA|FROM|WHERE|VALUES|ORDER BY|GROUP BY|LIMIT|BETWEEN|ON CONFLICT|AND|SET)\\b");
    private static final List<Pattern> ALLOWED = List.of(
            Pattern.compile("sqlName\\((table|schema\\.ref\\(\\)|tableId\\(table\\)|otherTableId\\(table\\)|probe|id)\\)"),
            Pattern.compile("dateColumn"),
            Pattern.compile("BigQueryWarehouse\\.sqlName\\(probe\\)"),
            Pattern.compile("partitionColumn|schema\\.partitionColumn\\(\\)\\.get\\(\\)"),
            Pattern.compile("columnList\\((schema|columns)\\)|columnDefinitions\\(schema\\)|partitionColumn\\(schema\\)|column\\.name\\(\\)"),
            Pattern.compile("storageClasses\\(column\\.type\\(\\)\\)"),
            Pattern.compile("catalogSelect"),
            Pattern.compile("placeholders\\([a-zA-Z.()]*\\)"));
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Test
    void sqlIsJoinedOnlyWithRegistryNamesAndParameterMarks()
            throws IOException
    {
        List<String> violations = new ArrayList<>();
        List<Path> sources = mainSources();
        assertThat(sources).as("the main sources of common, worker, coordinator and standalone").hasSizeGreaterThan(100);
        long sqlLiterals = 0;
        for (Path file : sources) {
            JavaSource source = JavaSource.read(file);
            sqlLiterals += source.sqlLiterals();
            violations.addAll(source.splicedSql(TestSqlIsBuiltFromTheRegistryOnly::allowed));
        }
        assertThat(sqlLiterals).as("SQL literals seen (the embedded and BigQuery adapters have dozens)").isGreaterThan(40);
        assertThat(violations).as("SQL built from something other than registry names (make it a query parameter)").isEmpty();
    }

    @Test
    void theCheckFindsSqlBuiltFromAValue()
    {
        JavaSource source = JavaSource.parse(Path.of("Example.java"), """
                class Example {
                    private static final String COLUMNS = "a, b";
                    private static final String FROM_ENV = System.getenv("X");
                    String bad(String name) { return "SELECT * FROM t WHERE name = '" + name + "'"; }
                    String worse(String table) { return new StringBuilder("DELETE FROM t").append(" WHERE id = ").append(table).toString(); }
                    String constant() { return "SELECT " + COLUMNS + " FROM t WHERE x = ?"; }
                    String tainted() { return "SELECT " + FROM_ENV + " FROM t"; }
                    String message(int n) { return "published " + n + " messages"; }
                }
                """);

        assertThat(source.splicedSql(TestSqlIsBuiltFromTheRegistryOnly::allowed)).containsExactly(
                "Example.java:4: SQL joined with 'name'",
                "Example.java:5: SQL joined with 'table'",
                "Example.java:7: SQL joined with 'FROM_ENV' (a constant not made of literals only)");
    }

    private static boolean allowed(String operand)
    {
        return ALLOWED.stream().anyMatch(pattern -> pattern.matcher(operand).matches());
    }

    private static List<Path> mainSources()
            throws IOException
    {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (String module : List.of("common", "worker", "coordinator", "standalone")) {
            try (Stream<Path> paths = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                paths.filter(path -> path.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Just enough of a Java lexer: string literals (text blocks too), comments skipped, everything else as single tokens. */
    static final class JavaSource
    {
        private final Path file;
        private final List<Token> tokens;
        private final Map<String, Boolean> literalConstants = new HashMap<>();

        private JavaSource(Path file, List<Token> tokens)
        {
            this.file = file;
            this.tokens = tokens;
            findConstants();
        }

        static JavaSource read(Path file)
                throws IOException
        {
            return parse(file, Files.readString(file));
        }

        static JavaSource parse(Path file, String text)
        {
            return new JavaSource(file, lex(text));
        }

        long sqlLiterals()
        {
            return tokens.stream().filter(token -> token.isString() && SQL.matcher(token.text()).find()).count();
        }

        /** "File.java:12: SQL joined with 'name'" for each operand joined (+ or append) to an SQL literal that is not allowed. */
        List<String> splicedSql(java.util.function.Predicate<String> allowed)
        {
            List<String> violations = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (!token.isString() || !SQL.matcher(token.text()).find()) {
                    continue;
                }
                for (String operand : operandsJoinedWith(i)) {
                    if (allowed.test(operand)) {
                        continue;
                    }
                    if (CONSTANT.matcher(operand).matches() && literalConstants.getOrDefault(operand, false)) {
                        continue;
                    }
                    String why = CONSTANT.matcher(operand).matches() && literalConstants.containsKey(operand) ? " (a constant not made of literals only)" : "";
                    String violation = file.getFileName() + ":" + token.line() + ": SQL joined with '" + operand + "'" + why;
                    if (!violations.contains(violation)) {
                        violations.add(violation);
                    }
                }
            }
            return violations;
        }

        /** The non-literal operands of the expression around the literal at {@code index}: its + chain, and append() calls on it. */
        private List<String> operandsJoinedWith(int index)
        {
            int start = index;
            int depth = 0;
            while (start > 0) {
                Token previous = tokens.get(start - 1);
                if (depth == 0 && (isBoundary(previous) || previous.is("("))) {
                    break;
                }
                depth += previous.is(")") ? 1 : previous.is("(") ? -1 : 0;
                start--;
            }
            int end = index;
            depth = 0;
            while (end < tokens.size() - 1) {
                Token next = tokens.get(end + 1);
                if (depth == 0 && (isBoundary(next) || next.is(")"))) {
                    break;
                }
                depth += next.is("(") ? 1 : next.is(")") ? -1 : 0;
                end++;
            }
            List<String> operands = new ArrayList<>();
            List<List<Token>> pieces = splitAtTopLevelPlus(tokens.subList(start, end + 1));
            if (pieces.size() > 1) {
                pieces.forEach(piece -> operands.addAll(operandsOf(piece)));
            }
            operands.addAll(appendedInStatement(index));
            return operands;
        }

        /** A literal is none; {@code (c ? a : b + x)} is what its branches join; anything else is itself. */
        private static List<String> operandsOf(List<Token> piece)
        {
            if (piece.size() == 1 && piece.get(0).isString()) {
                return List.of();
            }
            if (piece.size() > 2 && piece.get(0).is("(") && matching(piece, 0) == piece.size() - 1) {
                List<Token> inner = piece.subList(1, piece.size() - 1);
                int question = topLevel(inner, "?", 0);
                int colon = question < 0 ? -1 : topLevel(inner, ":", question + 1);
                List<List<Token>> branches = question < 0 ? List.of(inner) : List.of(inner.subList(question + 1, colon), inner.subList(colon + 1, inner.size()));
                List<String> operands = new ArrayList<>();
                for (List<Token> branch : branches) {
                    splitAtTopLevelPlus(branch).forEach(part -> operands.addAll(operandsOf(part)));
                }
                return operands;
            }
            return List.of(join(piece));
        }

        private static int matching(List<Token> piece, int open)
        {
            int depth = 0;
            for (int i = open; i < piece.size(); i++) {
                depth += piece.get(i).is("(") ? 1 : piece.get(i).is(")") ? -1 : 0;
                if (depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static int topLevel(List<Token> expression, String text, int from)
        {
            int depth = 0;
            for (int i = from; i < expression.size(); i++) {
                Token each = expression.get(i);
                depth += each.is("(") ? 1 : each.is(")") ? -1 : 0;
                if (depth == 0 && each.is(text)) {
                    return i;
                }
            }
            return -1;
        }

        /** Arguments of .append(...) in the statement holding the literal: a StringBuilder of SQL. */
        private List<String> appendedInStatement(int index)
        {
            int start = index;
            while (start > 0 && !isStatementEnd(tokens.get(start - 1))) {
                start--;
            }
            int end = index;
            while (end < tokens.size() - 1 && !isStatementEnd(tokens.get(end + 1))) {
                end++;
            }
            List<String> arguments = new ArrayList<>();
            for (int i = start; i + 2 <= end; i++) {
                if (tokens.get(i).is(".") && tokens.get(i + 1).is("append") && tokens.get(i + 2).is("(")) {
                    int close = i + 3;
                    int depth = 0;
                    while (close <= end && !(depth == 0 && tokens.get(close).is(")"))) {
                        depth += tokens.get(close).is("(") ? 1 : tokens.get(close).is(")") ? -1 : 0;
                        close++;
                    }
                    List<Token> argument = tokens.subList(i + 3, Math.min(close, end + 1));
                    splitAtTopLevelPlus(argument).forEach(piece -> arguments.addAll(operandsOf(piece)));
                }
            }
            return arguments;
        }

        /** {@code static final String NAME = ...;}: whether it is made of literals and other such constants only. */
        private void findConstants()
        {
            for (int i = 0; i + 4 < tokens.size(); i++) {
                if (tokens.get(i).is("final") && tokens.get(i + 1).is("String") && CONSTANT.matcher(tokens.get(i + 2).text()).matches()
                        && tokens.get(i + 3).is("=")) {
                    int end = i + 4;
                    while (end < tokens.size() && !tokens.get(end).is(";")) {
                        end++;
                    }
                    List<List<Token>> pieces = splitAtTopLevelPlus(tokens.subList(i + 4, end));
                    boolean literal = pieces.stream().allMatch(piece -> piece.size() == 1
                            && (piece.get(0).isString() || (CONSTANT.matcher(piece.get(0).text()).matches() && literalConstants.getOrDefault(piece.get(0).text(), false))));
                    literalConstants.put(tokens.get(i + 2).text(), literal);
                }
            }
        }

        private static List<List<Token>> splitAtTopLevelPlus(List<Token> expression)
        {
            List<List<Token>> pieces = new ArrayList<>();
            List<Token> current = new ArrayList<>();
            int depth = 0;
            for (Token token : expression) {
                depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
                if (depth == 0 && token.is("+")) {
                    pieces.add(current);
                    current = new ArrayList<>();
                }
                else {
                    current.add(token);
                }
            }
            pieces.add(current);
            return pieces;
        }

        private static boolean isBoundary(Token token)
        {
            return token.is(",") || token.is(";") || token.is("{") || token.is("}") || token.is("=") || token.is("return")
                    || token.is("?") || token.is(":") || token.is("->");
        }

        private static boolean isStatementEnd(Token token)
        {
            return token.is(";") || token.is("{") || token.is("}");
        }

        private static String join(List<Token> piece)
        {
            StringBuilder text = new StringBuilder();
            for (Token token : piece) {
                text.append(token.isString() ? "\"" + token.text() + "\"" : token.text());
            }
            return text.toString();
        }

        private static List<Token> lex(String text)
        {
            List<Token> tokens = new ArrayList<>();
            int line = 1;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                }
                else if (Character.isWhitespace(c)) {
                    i++;
                }
                else if (text.startsWith("//", i)) {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                }
                else if (text.startsWith("/*", i)) {
                    int close = text.indexOf("*/", i + 2);
                    close = close < 0 ? text.length() : close + 2;
                    line += count(text, i, close);
                    i = close;
                }
                else if (text.startsWith("\"\"\"", i)) {
                    int close = text.indexOf("\"\"\"", i + 3);
                    tokens.add(new Token(text.substring(i + 3, close), line, true));
                    line += count(text, i, close + 3);
                    i = close + 3;
                }
                else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (text.charAt(j) != c) {
                        j += text.charAt(j) == '\\' ? 2 : 1;
                    }
                    // a char literal keeps its quotes, so that '(' is never taken for a parenthesis
                    tokens.add(c == '"' ? new Token(text.substring(i + 1, j), line, true) : new Token(text.substring(i, j + 1), line, false));
                    i = j + 1;
                }
                else if (Character.isJavaIdentifierStart(c)) {
                    int j = i;
                    while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                        j++;
                    }
                    tokens.add(new Token(text.substring(i, j), line, false));
                    i = j;
                }
                else if (text.startsWith("->", i)) {
                    tokens.add(new Token("->", line, false));
                    i += 2;
                }
                else {
                    tokens.add(new Token(String.valueOf(c), line, false));
                    i++;
                }
            }
            return tokens;
        }

        private static int count(String text, int from, int to)
        {
            int lines = 0;
            for (int i = from; i < to; i++) {
                lines += text.charAt(i) == '\n' ? 1 : 0;
            }
            return lines;
        }

        private record Token(String text, int line, boolean isString)
        {
            /** This piece of code (never a string literal that happens to read the same). */
            boolean is(String code)
            {
                return !isString && text.equals(code);
            }
        }
    }
}
