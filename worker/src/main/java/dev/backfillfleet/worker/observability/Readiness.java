package dev.backfillfleet.worker.observability;

import java.util.List;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Whether the worker should get traffic: ready once subscribed and pulling, not once it is
 * stopping, nor while a dependency it needs (the state store, the queue) is out of reach.
 */
public final class Readiness
{
    public enum State
    {
        STARTING,
        READY,
        STOPPING
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final List<Supplier<Optional<String>>> dependencies;

    public Readiness()
    {
        this(List.of());
    }

    /** @param dependencies each says why its dependency is out of reach now, if it is */
    public Readiness(List<Supplier<Optional<String>>> dependencies)
    {
        this.dependencies = List.copyOf(requireNonNull(dependencies, "dependencies is null"));
    }

    public void ready()
    {
        state.compareAndSet(State.STARTING, State.READY);
    }

    public void stopping()
    {
        state.set(State.STOPPING);
    }

    public State state()
    {
        return state.get();
    }

    public boolean isReady()
    {
        return state.get() == State.READY && unreachable().isEmpty();
    }

    /** The first dependency out of reach now, said as a line, if any. */
    public Optional<String> unreachable()
    {
        return dependencies.stream().map(Supplier::get).flatMap(Optional::stream).findFirst();
    }

    /** What {@code /readyz} answers: the state, or what is out of reach. */
    public String describe()
    {
        return state.get() == State.READY ? unreachable().map(problem -> "unready: " + problem).orElse("ready")
                : state.get().name().toLowerCase(java.util.Locale.ROOT);
    }
}
