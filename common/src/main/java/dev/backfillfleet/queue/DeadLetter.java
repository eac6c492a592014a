package dev.backfillfleet.queue;

import dev.backfillfleet.domain.WorkItem;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A message that could not be delivered: too many delivery attempts, or a body that cannot be
 * read (then {@code item} is empty). The handler records it and acks it.
 */
public record DeadLetter(String messageId, Optional<WorkItem> item, String body, int deliveryAttempts, String reason)
{
    public DeadLetter
    {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(item, "item is null");
        requireNonNull(body, "body is null");
        requireNonNull(reason, "reason is null");
    }
}
