package dev.backfillfleet.support;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A value made on first use, once. Adapters keep their clients in one, so that building an
 * adapter (and so an injector) does no I/O: no connection, no credential lookup, no file.
 */
public final class Lazy<T>
        implements Supplier<T>
{
    private final Supplier<T> factory;
    private volatile T value;

    private Lazy(Supplier<T> factory)
    {
        this.factory = requireNonNull(factory, "factory is null");
    }

    public static <T> Lazy<T> of(Supplier<T> factory)
    {
        return new Lazy<>(factory);
    }

    @Override
    public T get()
    {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = requireNonNull(factory.get(), "factory returned null");
                    value = current;
                }
            }
        }
        return current;
    }

    /** The value if it was made; for closing only what was opened. */
    public Optional<T> ifMade()
    {
        return Optional.ofNullable(value);
    }
}
