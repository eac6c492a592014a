package dev.backfillfleet.bench.overhead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import dev.backfillfleet.bench.fleet.Percentiles;
import dev.backfillfleet.bench.fleet.SyntheticDates;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.inject.Bootstrap;
import dev.backfillfleet.inject.Configurations;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fleet's own cost per date, in a JVM of its own whose environment picks the backend (the
 * embedded files, or Pub/Sub and Firestore through their emulator variables): the enqueue rate
 * of N dates (after an untimed enqueue of N / 5, at most 1,000, others), then, one delivery at a time, claim + heartbeat + complete + ack through the ports,
 * as a worker does with a processor that takes no time. Prints one JSON line.
 */
@Command(name = "overhead-probe", mixinStandardHelpOptions = true)
public final class OverheadProbe
        implements Callable<Integer>
{
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final int WARMUP_ENQUEUE = 1_000;

    @Option(names = "--home", required = true)
    Path home;

    @Option(names = "--enqueue-dates", required = true)
    int enqueueDates;

    @Option(names = "--overhead-dates", required = true)
    int overheadDates;

    @Option(names = "--warmup-dates", required = true)
    int warmupDates;

    public static void main(String[] args)
    {
        System.exit(new CommandLine(new OverheadProbe()).execute(args));
    }

    @Override
    public Integer call()
            throws Exception
    {
        if (enqueueDates < overheadDates + warmupDates) {
            throw new IllegalArgumentException("--enqueue-dates must cover the warm-up and the measured dates");
        }
        Configuration config = Configurations.load(Map.of(ConfigLoader.HOME.name(), home.toString()));
        Injector injector = Bootstrap.createInjector(config, AccessMode.READ_WRITE, List.of());
        try {
            StateStore stateStore = injector.getInstance(StateStore.class);
            WorkQueue queue = injector.getInstance(WorkQueue.class);
            RunLog runLog = injector.getInstance(RunLog.class);
            // a first, untimed enqueue opens the files and warms the JIT: the figure is the steady rate
            int warmupEnqueue = Math.min(WARMUP_ENQUEUE, enqueueDates / 5);
            DateRange warmup = SyntheticDates.range(SyntheticDates.LOAD_START.minusDays(warmupEnqueue), warmupEnqueue);
            SyntheticDates.enqueue(stateStore, runLog, queue, warmup);
            long start = System.nanoTime();
            int queued = SyntheticDates.enqueue(stateStore, runLog, queue, SyntheticDates.range(enqueueDates));
            double enqueueSeconds = (System.nanoTime() - start) / 1e9;
            Percentiles overhead = Percentiles.ofNanos(overhead(stateStore, queue));
            Map<String, Object> result = Map.of(
                    "backend", config.adapters().queue().configName() + " queue, " + config.adapters().state().configName() + " state",
                    "enqueueDates", queued,
                    "enqueueSeconds", enqueueSeconds,
                    "overhead", overhead);
            System.out.println(new ObjectMapper().writeValueAsString(result));
            return 0;
        }
        finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }

    /** The measured dates' times, after the warm-up ones (class loading, JIT) are left out. */
    private long[] overhead(StateStore stateStore, WorkQueue queue)
            throws InterruptedException
    {
        int total = warmupDates + overheadDates;
        long[] nanos = new long[total];
        BlockingQueue<Integer> settled = new LinkedBlockingQueue<>();
        AtomicInteger next = new AtomicInteger();
        QueueConsumer consumer = queue.subscribe(1, delivery -> {
            long begin = System.nanoTime();
            ClaimResult claim = stateStore.claim(delivery.item(), "overhead-probe", LEASE, Integer.MAX_VALUE);
            if (!(claim instanceof ClaimResult.Claimed claimed)) {
                throw new IllegalStateException("unexpected claim result " + claim + " for " + delivery.item());
            }
            Lease lease = stateStore.heartbeat(claimed.lease(), LEASE);
            stateStore.complete(lease, new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
            delivery.ack();
            long elapsed = System.nanoTime() - begin;
            // one delivery at a time (maxOutstanding 1): this handler never runs twice at once
            int index = next.getAndIncrement();
            if (index < total) {
                nanos[index] = elapsed;
                settled.add(index);
            }
        });
        try {
            for (int i = 0; i < total; i++) {
                if (settled.poll(60, TimeUnit.SECONDS) == null) {
                    throw new IllegalStateException("no delivery for 60 s after " + i + " dates");
                }
            }
        }
        finally {
            consumer.close();
        }
        long[] measured = new long[overheadDates];
        System.arraycopy(nanos, warmupDates, measured, 0, overheadDates);
        return measured;
    }
}
