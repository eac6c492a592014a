package dev.backfillfleet.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition that another thread or process brings about, looking every
 * {@value #DEFAULT_EVERY_MILLIS} ms unless told otherwise (a condition that asks an emulator is
 * asked less often). A condition may fail at once by throwing an {@link AssertionError}, e.g.
 * when the process it waits on has died.
 */
public final class Eventually
{
    private static final long DEFAULT_EVERY_MILLIS = 20;

    private Eventually() {}

    public static void await(String what, Duration timeout, BooleanSupplier condition)
    {
        await(what, timeout, Duration.ofMillis(DEFAULT_EVERY_MILLIS), condition);
    }

    public static void await(String what, Duration timeout, Duration every, BooleanSupplier condition)
    {
        await(what, timeout, every, condition, () -> "");
    }

    /** As {@link #await(String, Duration, Duration, BooleanSupplier)}; a timeout also says {@code state}, e.g. the counts it waited on. */
    public static void await(String what, Duration timeout, Duration every, BooleanSupplier condition, Supplier<String> state)
    {
        get(what, timeout, every, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), state);
    }

    /** The first value {@code probe} finds. */
    public static <T> T get(String what, Duration timeout, Duration every, Supplier<Optional<T>> probe)
    {
        return get(what, timeout, every, probe, () -> "");
    }

    public static <T> T get(String what, Duration timeout, Duration every, Supplier<Optional<T>> probe, Supplier<String> state)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                String now = state.get();
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + (now.isEmpty() ? "" : ": " + now));
            }
            try {
                Thread.sleep(every.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
