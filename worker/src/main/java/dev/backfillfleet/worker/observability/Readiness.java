package dev.backfillfleet.worker.observability;

import java.util.concurrent.atomic.AtomicReference;

/** Whether the worker should get traffic: ready once subscribed and pulling, not once it is stopping. */
public final class Readiness
{
    public enum State
    {
        STARTING,
        READY,
        STOPPING
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

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
        return state.get() == State.READY;
    }
}
