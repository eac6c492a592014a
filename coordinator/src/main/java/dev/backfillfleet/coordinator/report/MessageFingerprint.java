package dev.backfillfleet.coordinator.report;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error message with what varies from date to date taken out: quoted values, timestamps,
 * dates, lists and ranges of dates, game ids, team codes, ids and numbers. Failures with the same
 * fingerprint are very likely one cause.
 */
public final class MessageFingerprint
{
    private record Rule(Pattern pattern, Function<MatchResult, String> replacement)
    {
        Rule(Pattern pattern, String replacement)
        {
            this(pattern, match -> Matcher.quoteReplacement(replacement));
        }
    }

    private static final List<String> TEAM_CODES = List.of("ATL", "BOS", "BKN", "CHA", "CHI", "CLE", "DAL", "DEN", "DET", "GSW", "HOU", "IND",
            "LAC", "LAL", "MEM", "MIA", "MIL", "MIN", "NOP", "NYK", "OKC", "ORL", "PHI", "PHX", "POR", "SAC", "SAS", "TOR", "UTA", "WAS");

    // Order matters: quoted values first (their content may be anything), then the most specific forms.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![\\p{Alnum}])'[^'\\n]*'(?![\\p{Alnum}])"), "'<value>'"),
            new Rule(Pattern.compile("\"[^\"\\n]*\""), "\"<value>\""),
            new Rule(Pattern.compile("`[^`\\n]*`"), "`<value>`"),
            new Rule(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?"), "<time>"),
            new Rule(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), "<date>"),
            // a range, or a list of dates and ranges (with "and N more"): the uncovered dates of a history, say
            new Rule(Pattern.compile("<date>(\\.\\.<date>)?(, <date>(\\.\\.<date>)?)*(, and \\d+ more)?"),
                    match -> match.group().equals("<date>") ? "<date>" : "<dates>"),
            // a standard game id (YYYYMMDD_AWAY_HOME) and the teams: each date's games differ, a missing input is one cause
            new Rule(Pattern.compile("\\b\\d{8}_[A-Z]{3}_[A-Z]{3}\\b"), "<game>"),
            new Rule(Pattern.compile("\\b(" + String.join("|", TEAM_CODES) + ")\\b"), "<team>"),
            new Rule(Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), "<id>"),
            // hex of 8 or more, even when it happens to have no letter: hashes, job and game ids
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(?=[a-fA-F]*\\d)[0-9a-fA-F]{8,}(?![A-Za-z0-9])"), "<id>"),
            // tokens of letters and digits mixed, at least 6 long (an underscore separates): job ids, run ids, worker ids
            new Rule(Pattern.compile("(?<![A-Za-z0-9])(?=[A-Za-z]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{6,}(?![A-Za-z0-9])"), "<id>"),
            new Rule(Pattern.compile("\\d+(\\.\\d+)?"), "<n>"),
            new Rule(Pattern.compile("\\s+"), " "));

    private MessageFingerprint() {}

    public static String of(String message)
    {
        String fingerprint = message;
        for (Rule rule : RULES) {
            fingerprint = rule.pattern().matcher(fingerprint).replaceAll(rule.replacement());
        }
        return fingerprint.trim();
    }
}
