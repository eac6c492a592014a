package dev.backfillfleet.config;

import java.util.Locale;

/** A configuration key; its environment variable is the key upper-cased with '.' and '-' as '_'. */
public record ConfigKey(String name, String defaultValue, String description)
{
    public String environmentVariable()
    {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
