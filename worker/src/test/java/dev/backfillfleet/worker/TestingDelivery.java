package dev.backfillfleet.worker;

import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.Delivery;

import java.time.Duration;
import java.util.Optional;

/** A delivery that records how the runner settled it. */
final class TestingDelivery
        implements Delivery
{
    enum Settled
    {
        ACK, RELEASE, DEFER
    }

    private final WorkItem item;
    private final int attempt;
    private final int timesDeferred;
    private Optional<Settled> settled = Optional.empty();
    private Duration delay = Duration.ZERO;

    TestingDelivery(WorkItem item, int attempt, int timesDeferred)
    {
        this.item = item;
        this.attempt = attempt;
        this.timesDeferred = timesDeferred;
    }

    static TestingDelivery of(WorkItem item)
    {
        return new TestingDelivery(item, 1, 0);
    }

    @Override
    public WorkItem item()
    {
        return item;
    }

    @Override
    public String messageId()
    {
        return "message-" + item.date();
    }

    @Override
    public int deliveryAttempt()
    {
        return attempt;
    }

    @Override
    public int timesDeferred()
    {
        return timesDeferred;
    }

    @Override
    public void ack()
    {
        settle(Settled.ACK, Duration.ZERO);
    }

    @Override
    public void release(Duration after)
    {
        settle(Settled.RELEASE, after);
    }

    @Override
    public void defer(Duration after)
    {
        settle(Settled.DEFER, after);
    }

    private void settle(Settled how, Duration after)
    {
        if (settled.isPresent()) {
            throw new IllegalStateException(item + " settled twice: " + settled.get() + " then " + how);
        }
        settled = Optional.of(how);
        delay = after;
    }

    Optional<Settled> settled()
    {
        return settled;
    }

    Duration delay()
    {
        return delay;
    }
}
