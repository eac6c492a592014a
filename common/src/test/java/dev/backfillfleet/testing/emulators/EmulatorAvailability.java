package dev.backfillfleet.testing.emulators;

import java.util.Optional;
import java.util.function.Supplier;

/** An emulator that was started, or the reason it could not be (missing binary, failed start). */
public final class EmulatorAvailability<T>
{
    private final T emulator;
    private final String unavailableReason;

    private EmulatorAvailability(T emulator, String unavailableReason)
    {
        this.emulator = emulator;
        this.unavailableReason = unavailableReason;
    }

    static <T> EmulatorAvailability<T> attempt(Supplier<T> starter, String what)
    {
        try {
            return new EmulatorAvailability<>(starter.get(), null);
        }
        catch (RuntimeException e) {
            return new EmulatorAvailability<>(null, what + " could not be started: " + e.getMessage());
        }
    }

    static <T> EmulatorAvailability<T> missing(String reason)
    {
        return new EmulatorAvailability<>(null, reason);
    }

    public Optional<T> emulator()
    {
        return Optional.ofNullable(emulator);
    }

    public String unavailableReason()
    {
        return unavailableReason == null ? "available" : unavailableReason;
    }
}
