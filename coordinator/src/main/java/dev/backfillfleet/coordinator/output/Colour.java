package dev.backfillfleet.coordinator.output;

/** The ANSI colours the CLI uses; {@link #NONE} leaves text as it is. */
public enum Colour
{
    NONE(""),
    BOLD("1"),
    DIM("2"),
    RED("31"),
    GREEN("32"),
    YELLOW("33"),
    BLUE("34"),
    MAGENTA("35"),
    CYAN("36");

    private final String code;

    Colour(String code)
    {
        this.code = code;
    }

    String wrap(String text)
    {
        return code.isEmpty() || text.isEmpty() ? text : "\u001b[" + code + "m" + text + "\u001b[0m";
    }
}
