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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Dates QUEUED without a message, which no worker will ever get. A queue whose messages can be
 * listed (the embedded one) has them compared with the state store's QUEUED dates. Pub/Sub's cannot be listed, so
 * there it only says so, with the command that republishes (a duplicate message is harmless).
 */
public final class QueuedDatesCheck
        implements DoctorCheck
{
    private final StateStore stateStore;
    private final TableCatalog catalog;
    private final Optional<QueuedMessages> messages;
    private final MendCommands mends;

    public QueuedDatesCheck(StateStore stateStore, TableCatalog catalog, Optional<QueuedMessages> messages, MendCommands mends)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.mends = requireNonNull(mends, "mends is null");
    }

    @Override
    public List<Finding> run()
    {
        Optional<Set<DateKey>> withMessage = messages.map(QueuedMessages::keysWithAMessage);
        List<Finding> findings = new ArrayList<>();
        long queued = 0;
        for (AnalyticsTable table : catalog.entries().stream().map(entry -> entry.definition().table()).toList()) {
            List<LocalDate> dates = stateStore.list(table, Optional.empty(), Set.of(DateState.QUEUED)).stream()
                    .map(DateRecord::key)
                    .filter(key -> withMessage.map(keys -> !keys.contains(key)).orElse(true))
                    .map(DateKey::date)
                    .toList();
            queued += withMessage.isPresent() ? 0 : dates.size();
            if (dates.isEmpty()) {
                continue;
            }
            String mend = mends.coordinator("enqueue", "--table", catalog.displayName(table), "--dates", MendDates.of(dates));
            String subject = catalog.displayName(table) + ": queued dates";
            if (withMessage.isPresent()) {
                findings.add(Finding.problem(subject, dates.size() + " QUEUED date(s) without a message in " + messages.orElseThrow().where() + ", so no worker will run them: "
                        + MendDates.shown(dates), mend));
            }
            else {
                findings.add(Finding.note(subject, dates.size() + " QUEUED date(s); whether each has its message cannot be known on Pub/Sub"
                        + " (messages cannot be listed). If no worker takes them, republish them (a duplicate is harmless)", Optional.of(mend)));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok("queued dates", withMessage.isPresent() ? "every QUEUED date has its message" : "no date is QUEUED"));
        }
        return findings;
    }
}
