package dev.backfillfleet.coordinator.output;

import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;

/** Colours text when colour is on, and leaves it alone otherwise. */
public final class Style
{
    private final boolean enabled;

    public Style(boolean enabled)
    {
        this.enabled = enabled;
    }

    public String apply(Colour colour, String text)
    {
        return enabled ? colour.wrap(text) : text;
    }

    public static Colour of(DateState state)
    {
        return switch (state) {
            case PENDING -> Colour.DIM;
            case QUEUED -> Colour.CYAN;
            case RUNNING -> Colour.YELLOW;
            case SUCCEEDED -> Colour.GREEN;
            case NO_GAMES -> Colour.BLUE;
            case FAILED -> Colour.RED;
            case CANCELLED -> Colour.MAGENTA;
        };
    }

    public static Colour of(ErrorClass errorClass)
    {
        return switch (errorClass) {
            case TRANSIENT -> Colour.YELLOW;
            case PERMANENT -> Colour.RED;
            case USER -> Colour.MAGENTA;
            case ENVIRONMENT -> Colour.MAGENTA;
        };
    }
}
