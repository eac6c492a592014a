package dev.backfillfleet.support;

import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TestReachability
{
    private final TestingClock clock = new TestingClock();
    private final Reachability store = new Reachability("the state store", clock.ticker());

    @Test
    void aFailureThatTheNextCallSurvivesIsNotAnOutage()
    {
        store.unreachable(new RuntimeException("UNAVAILABLE: connection reset"));
        clock.tick(Duration.ofMillis(500));
        store.reached();
        clock.tick(Reachability.PERSISTENT);
        store.unreachable(new RuntimeException("UNAVAILABLE: connection reset"));

        assertThat(store.isReachable()).isTrue();
        assertThat(store.problem()).isEmpty();
    }

    @Test
    void callsThatKeepFailingMakeAnOutageUntilOneAnswers()
    {
        store.unreachable(new RuntimeException("DEADLINE_EXCEEDED"));
        clock.tick(Reachability.PERSISTENT);
        store.unreachable(new RuntimeException("DEADLINE_EXCEEDED again"));

        assertThat(store.isReachable()).isFalse();
        assertThat(store.problem()).contains("the state store is out of reach: DEADLINE_EXCEEDED");

        store.reached();
        assertThat(store.isReachable()).isTrue();
        assertThat(store.problem()).isEmpty();
    }

    @Test
    void silenceProlongsFailuresButNeverStartsThem()
    {
        store.noAnswer(new RuntimeException("DEADLINE_EXCEEDED: an empty queue"));
        clock.tick(Reachability.PERSISTENT);
        store.noAnswer(new RuntimeException("DEADLINE_EXCEEDED: an empty queue"));
        assertThat(store.isReachable()).as("silence alone").isTrue();

        store.unreachable(new RuntimeException("DEADLINE_EXCEEDED: ack"));
        clock.tick(Reachability.PERSISTENT);
        store.noAnswer(new RuntimeException("DEADLINE_EXCEEDED: pull"));

        assertThat(store.isReachable()).isFalse();
        assertThat(store.problem()).contains("the state store is out of reach: DEADLINE_EXCEEDED: ack");
    }
}
