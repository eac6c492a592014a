package dev.backfillfleet.config;

import dev.backfillfleet.domain.FleetException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Typed reads of {@link ConfigValues} that collect what is wrong instead of stopping at it, so
 * that a process reports every problem of its configuration at once ({@link #validate}). A read
 * that finds a bad value records it and answers the key's default, so that reading goes on.
 */
public final class ConfigReader
{
    private final ConfigValues values;
    private final List<String> problems = new ArrayList<>();

    public ConfigReader(ConfigValues values)
    {
        this.values = requireNonNull(values, "values is null");
    }

    public String text(ConfigKey key)
    {
        return values.get(key);
    }

    public Optional<String> optionalText(ConfigKey key)
    {
        return Optional.of(values.get(key)).filter(value -> !value.isBlank());
    }

    public Optional<String> variable(String name)
    {
        return values.variable(name);
    }

    public int integer(ConfigKey key, int low, int high)
    {
        int value = parse(key, Integer::parseInt, "a whole number");
        if (value < low || value > high) {
            return fallback(key, high == Integer.MAX_VALUE ? "must be at least " + low : "must be between " + low + " and " + high, Integer::parseInt);
        }
        return value;
    }

    public int positive(ConfigKey key)
    {
        return integer(key, 1, Integer.MAX_VALUE);
    }

    /** A positive whole number, or {@code whenUnset} when the key is set nowhere (its default is blank) or to a wrong value. */
    public int positive(ConfigKey key, int whenUnset)
    {
        if (values.get(key).isBlank()) {
            return whenUnset;
        }
        try {
            int value = Integer.parseInt(values.get(key).trim());
            if (value >= 1) {
                return value;
            }
            problem(key, "must be at least 1");
        }
        catch (NumberFormatException e) {
            problem(key, "is not a whole number");
        }
        return whenUnset;
    }

    public long wholeNumber(ConfigKey key, long low)
    {
        long value = parse(key, Long::parseLong, "a whole number");
        if (value < low) {
            return fallback(key, low == 0 ? "must not be negative" : "must be at least " + low, Long::parseLong);
        }
        return value;
    }

    public double fraction(ConfigKey key)
    {
        double value = parse(key, Double::parseDouble, "a number");
        if (value < 0 || value > 1) {
            return fallback(key, "must be between 0 and 1", Double::parseDouble);
        }
        return value;
    }

    public String choice(ConfigKey key, List<String> choices)
    {
        String value = values.get(key);
        if (!choices.contains(value)) {
            problem(key, "must be one of " + String.join(", ", choices));
            return choices.contains(key.defaultValue()) ? key.defaultValue() : choices.get(0);
        }
        return value;
    }

    public boolean bool(ConfigKey key)
    {
        return Boolean.parseBoolean(choice(key, List.of("true", "false")));
    }

    /** A resource name, checked against what the service accepts: only such names are spliced into a path or a query. */
    public String name(ConfigKey key, Pattern allowed, String expected)
    {
        String value = values.get(key);
        if (!allowed.matcher(value).matches()) {
            problem(key, "is not " + expected);
        }
        return value;
    }

    /** Records that {@code key}'s value is wrong: {@code problem} says how, e.g. "must exceed ...". */
    public void problem(ConfigKey key, String problem)
    {
        String message = key.name() + " = '" + values.get(key) + "' " + problem + " (from " + values.sourceOf(key)
                + "; set it in $BACKFILL_HOME/backfill.properties or as " + key.environmentVariable() + ")";
        // two sections may read the same bad value: say it once
        if (!problems.contains(message)) {
            problems.add(message);
        }
    }

    public boolean hasProblems()
    {
        return !problems.isEmpty();
    }

    /** Throws one user error listing every problem found, if any. */
    public void validate()
    {
        if (problems.size() == 1) {
            throw FleetException.userError("invalid configuration: " + problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw FleetException.userError("invalid configuration (" + problems.size() + " problems):\n  " + String.join("\n  ", problems));
        }
    }

    private <T> T parse(ConfigKey key, Function<String, T> parser, String expected)
    {
        try {
            return parser.apply(values.get(key).trim());
        }
        catch (RuntimeException e) {
            return fallback(key, "is not " + expected, parser);
        }
    }

    private <T> T fallback(ConfigKey key, String problem, Function<String, T> parser)
    {
        problem(key, problem);
        return parser.apply(key.defaultValue());
    }
}
