package dev.backfillfleet.state;

import dev.backfillfleet.testing.TestingClock;

/**
 * The state machine on the smallest storage there is ({@link TestingStateStorage}): a backend
 * brings a read-decide-write primitive and its queries, and the whole contract holds.
 */
class TestTransitioningStateStore
        extends AbstractStateStoreTest
{
    @Override
    protected StateStore createStore(TestingClock clock)
    {
        return new TransitioningStateStore(new TestingStateStorage(clock));
    }
}
