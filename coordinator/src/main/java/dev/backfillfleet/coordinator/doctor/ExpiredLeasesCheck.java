package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.queue.QueuedMessages;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * RUNNING dates whose lease has expired: their worker died or stopped. A worker reclaims such a
 * date when its message comes back (the ack deadline after the worker stopped renewing it); if
 * the message is gone too (a deleted queue file or subscription), enqueue of the dates republishes.
 */
public final class ExpiredLeasesCheck
        implements DoctorCheck
{
    private final StateStore stateStore;
    private final TableCatalog catalog;
    private final Optional<QueuedMessages> messages;
    private final Clock clock;
    private final MendCommands mends;

    public ExpiredLeasesCheck(StateStore stateStore, TableCatalog catalog, Optional<QueuedMessages> messages, Clock clock, MendCommands mends)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.mends = requireNonNull(mends, "mends is null");
    }

    @Override
    public List<Finding> run()
    {
        Instant now = clock.instant();
        Optional<Set<DateKey>> withMessage = messages.map(QueuedMessages::keysWithAMessage);
        List<Finding> findings = new ArrayList<>();
        for (AnalyticsTable table : catalog.entries().stream().map(entry -> entry.definition().table()).toList()) {
            List<DateRecord> expired = stateStore.list(table, Optional.empty(), Set.of(DateState.RUNNING)).stream()
                    .filter(record -> !record.isLeasedAt(now))
                    .toList();
            if (expired.isEmpty()) {
                continue;
            }
            List<LocalDate> dates = expired.stream().map(record -> record.key().date()).toList();
            long withoutMessage = withMessage.map(keys -> expired.stream().filter(record -> !keys.contains(record.key())).count()).orElse(0L);
            String owners = String.join(", ", expired.stream().map(record -> record.leaseOwner().orElse("?")).distinct().limit(3).toList());
            String detail = dates.size() + " RUNNING date(s) whose lease expired (worker " + owners + " stopped renewing it): " + MendDates.shown(dates)
                    + (withoutMessage > 0 ? "; " + withoutMessage + " of them have no message in " + messages.orElseThrow().where() + ", so nothing will reclaim them" : "");
            String mend = (withoutMessage > 0 ? "" : "a worker reclaims each when its message comes back; if none does: ")
                    + mends.coordinator("enqueue", "--table", catalog.displayName(table), "--dates", MendDates.of(dates));
            findings.add(Finding.problem(catalog.displayName(table) + ": running dates", detail, mend));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok("running dates", "every RUNNING date has a live lease"));
        }
        return findings;
    }
}
