package dev.backfillfleet.bench.kinds;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.bench.fleet.Percentiles;
import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.catalog.CatalogFileParser;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteCatalogStore;
import dev.backfillfleet.embedded.SqliteDatabase;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteTablePauses;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.embedded.StateDatabase;
import dev.backfillfleet.queue.Delivery;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.support.Reachability;
import dev.backfillfleet.support.Ticker;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.ExecutorScheduler;
import dev.backfillfleet.worker.LeaseKeeper;
import dev.backfillfleet.worker.Outcome;
import dev.backfillfleet.worker.PausedTables;
import dev.backfillfleet.worker.UpstreamGate;
import dev.backfillfleet.worker.WorkItemRunner;
import dev.backfillfleet.worker.WorkerSettings;
import dev.backfillfleet.worker.WorkerStats;
import dev.backfillfleet.worker.command.CommandDefinition;
import dev.backfillfleet.worker.command.CommandInvocation;
import dev.backfillfleet.worker.command.CommandRunner;
import dev.backfillfleet.worker.command.LeftoverSearch;
import dev.backfillfleet.worker.processor.ProcessorRegistry;
import dev.backfillfleet.worker.processor.TableComputations;
import dev.backfillfleet.worker.tables.SyntheticProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The fleet's own cost per date of each kind of table, in a JVM of its own on an embedded home:
 * the worker's {@link WorkItemRunner}, wired as a worker wires it, runs one delivery at a time
 * of a built-in table (synthetic, L = 0), a SQL table (one row selected from synthetic's partition)
 * and a command table (a program that prints one row). The state store and the warehouse are
 * timed at their ports, so each date's time splits into the state store's calls, the warehouse's
 * (for the SQL table its INSERT ... SELECT, for the others the rows' write) and the rest (the
 * runner and the computation: for the command table, running the program). The program's own
 * cost is then measured apart: the same program started bare (ProcessBuilder, read, wait), through
 * {@link CommandRunner} alone, and the runner's search for leftover processes alone.
 * Prints one JSON line.
 */
@Command(name = "kinds-probe", mixinStandardHelpOptions = true)
public final class KindsProbe
        implements Callable<Integer>
{
    static final String SQL_TABLE = "bench_sql";
    static final String COMMAND_TABLE = "bench_command";
    static final String STATE_STORE = "state store (claim, prove, complete)";
    static final String WRITE = "warehouse write";
    static final String OTHER_WAREHOUSE = "warehouse reads";
    static final String REST = "runner and computation";
    private static final LocalDate FIRST = LocalDate.parse("1990-01-01");
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** printf: a program of next to no cost of its own, so that what is measured is the fleet's. */
    private static final List<String> PROGRAM = List.of("printf", "{\"game_date\":\"{date}\",\"team_abbr\":\"BOS\",\"points\":1}\\n");
    private static final String CATALOG = """
            tables:
              %s:
                columns:
                  game_date: DATE REQUIRED
                  worker_id: STRING REQUIRED
                  attempt: INT64
                sql: |
                  SELECT game_date, worker_id, attempt FROM {{synthetic}} WHERE game_date = @date
              %s:
                columns:
                  game_date: DATE REQUIRED
                  team_abbr: STRING REQUIRED
                  points: INT64
                command: ['%s', '%s']
            """.formatted(SQL_TABLE, COMMAND_TABLE, PROGRAM.get(0), PROGRAM.get(1));

    @Option(names = "--home", required = true)
    Path home;

    @Option(names = "--dates", required = true, description = "Measured dates per kind.")
    int dates;

    @Option(names = "--warmup-dates", required = true, description = "Dates per kind run first and left out (class loading, JIT).")
    int warmupDates;

    private final Map<String, Long> phaseNanos = new LinkedHashMap<>();

    public static void main(String[] args)
    {
        System.exit(new CommandLine(new KindsProbe()).execute(args));
    }

    @Override
    public Integer call()
            throws Exception
    {
        Files.createDirectories(home);
        Clock clock = Clock.systemUTC();
        Path stateFile = home.resolve("state.db");
        try (TransitioningStateStore stateStore = new TransitioningStateStore(SqliteStateStorage.open(stateFile, clock));
                SqliteDatabase state = StateDatabase.open(stateFile);
                ExecutorScheduler scheduler = new ExecutorScheduler(1, "lease-renewal")) {
            Catalogs catalogs = new Catalogs(new SqliteCatalogStore(state), BuiltInTables.all(), clock, Duration.ofSeconds(3));
            catalogs.record(catalogs.plan(CatalogFileParser.parse("kinds.yaml", CATALOG)), "bench");
            try (SqliteWarehouse sqlite = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.withCatalog(catalogs))) {
                StateStore timedState = timed(StateStore.class, stateStore, method -> STATE_STORE);
                Warehouse timedWarehouse = timed(Warehouse.class, sqlite, method -> switch (method) {
                    case "replacePartition", "replacePartitionWithSelect" -> WRITE;
                    case "maximumWriteTime", "dialect", "sqlTableName" -> REST;
                    default -> OTHER_WAREHOUSE;
                });
                CommandRunner commands = new CommandRunner(home, CommandRunner.DEFAULT_KILL_GRACE, Map.of("BACKFILL_HOME", home.toString()));
                WorkerSettings settings = new WorkerSettings("kinds-probe", 1, LEASE, Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(60), 3, 1,
                        Duration.ofMillis(100), Duration.ofSeconds(1));
                WorkerStats stats = new WorkerStats();
                TableComputations computations = new TableComputations(
                        new ProcessorRegistry(List.of(new SyntheticProcessor(Duration.ZERO, 0, Set.of()))), commands);
                WorkItemRunner runner = new WorkItemRunner(timedState, timedWarehouse, catalogs, computations, settings, clock,
                        new LeaseKeeper(timedState, LEASE, Ticker.system(), new Reachability("the state store"), scheduler), new UpstreamGate(timedState, catalogs, clock, Duration.ofMinutes(5), stats),
                        new PausedTables(new SqliteTablePauses(state), clock, Duration.ofSeconds(3)), PartitionWriteGate.UNLIMITED, stats, failure -> {
                            throw new IllegalStateException("the environment failed: " + failure.getMessage(), failure);
                        });

                List<Map<String, Object>> kinds = new ArrayList<>();
                kinds.add(measure(runner, stateStore, AnalyticsTable.SYNTHETIC, "built-in (synthetic, L = 0)", "the rows' write (one row)"));
                kinds.add(measure(runner, stateStore, new AnalyticsTable(SQL_TABLE), "sql (one row from synthetic)", "INSERT ... SELECT (one row)"));
                kinds.add(measure(runner, stateStore, new AnalyticsTable(COMMAND_TABLE), "command (" + PROGRAM.get(0) + " prints one row)",
                        "the rows' write (one row)"));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("kinds", kinds);
                result.put("program", program(catalogs.current(), commands));
                System.out.println(new ObjectMapper().writeValueAsString(result));
                return 0;
            }
        }
    }

    /** Runs warm-up, then measured, dates of {@code table} through the runner one at a time; each date's time and its phases. */
    private Map<String, Object> measure(WorkItemRunner runner, StateStore stateStore, AnalyticsTable table, String kind, String writeMeaning)
    {
        String runId = "kinds-" + table.tableName();
        List<DateKey> keys = new ArrayList<>();
        for (int i = 0; i < warmupDates + dates; i++) {
            keys.add(new DateKey(table, FIRST.plusDays(i)));
        }
        stateStore.enqueue(keys, runId, EnqueuePolicy.NORMAL);
        long[] totals = new long[dates];
        Map<String, Long> phases = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            synchronized (phaseNanos) {
                phaseNanos.clear();
            }
            long start = System.nanoTime();
            Outcome outcome = runner.handle(new ProbeDelivery(new WorkItem(table, keys.get(i).date(), runId)));
            long elapsed = System.nanoTime() - start;
            if (outcome != Outcome.SUCCEEDED) {
                throw new IllegalStateException(table.tableName() + " " + keys.get(i).date() + ": " + outcome + ", not SUCCEEDED");
            }
            if (i >= warmupDates) {
                totals[i - warmupDates] = elapsed;
                long ported = 0;
                Map<String, Long> measured;
                synchronized (phaseNanos) {
                    measured = Map.copyOf(phaseNanos);
                }
                for (Map.Entry<String, Long> phase : measured.entrySet()) {
                    if (!phase.getKey().equals(REST)) {
                        phases.merge(phase.getKey(), phase.getValue(), Long::sum);
                        ported += phase.getValue();
                    }
                }
                phases.merge(REST, elapsed - ported, Long::sum);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", kind);
        result.put("table", table.tableName());
        result.put("perDate", Percentiles.ofNanos(totals));
        Map<String, Double> meanMs = new LinkedHashMap<>();
        for (String phase : List.of(STATE_STORE, WRITE, OTHER_WAREHOUSE, REST)) {
            meanMs.put(phase.equals(WRITE) ? WRITE + ": " + writeMeaning : phase, phases.getOrDefault(phase, 0L) / 1e6 / dates);
        }
        result.put("phasesMeanMs", meanMs);
        return result;
    }

    /**
     * The command table's program measured apart, per date: started bare (what any launcher
     * pays), through {@link CommandRunner} (what the worker adds: its environment, output
     * threads, row parsing, the search for leftovers), and that search alone.
     */
    private Map<String, Object> program(TableCatalog catalog, CommandRunner commands)
            throws Exception
    {
        TableDefinition definition = catalog.entry(new AnalyticsTable(COMMAND_TABLE)).orElseThrow().definition();
        TableKind.Command kind = (TableKind.Command) definition.kind();
        CommandDefinition program = new CommandDefinition(COMMAND_TABLE, kind.argv(), kind.timeout(), definition.columns());
        long[] bare = new long[dates];
        long[] throughRunner = new long[dates];
        long[] leftoverSearch = new long[dates];
        for (int i = -warmupDates; i < dates; i++) {
            LocalDate date = FIRST.plusDays(Math.max(i, 0));
            String marker = UUID.randomUUID().toString();
            long start = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(program.argvFor(date)).directory(home.toFile());
            builder.environment().put(CommandRunner.MARKER_VARIABLE, marker);
            Process process = builder.start();
            process.getOutputStream().close();
            try (InputStream out = process.getInputStream()) {
                out.readAllBytes();
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException(program.argvFor(date) + " exited " + process.exitValue());
            }
            long bareNanos = System.nanoTime() - start;
            long searchNanos = LeftoverSearch.timeAfterExit(process, marker);
            start = System.nanoTime();
            int rows = commands.run(program, new CommandInvocation(date, 1, "kinds-program")).rows().size();
            long runnerNanos = System.nanoTime() - start;
            if (rows != 1) {
                throw new IllegalStateException("the program printed " + rows + " rows, not 1");
            }
            if (i >= 0) {
                bare[i] = bareNanos;
                leftoverSearch[i] = searchNanos;
                throughRunner[i] = runnerNanos;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("argv", kind.argv());
        result.put("bare", Percentiles.ofNanos(bare));
        result.put("commandRunner", Percentiles.ofNanos(throughRunner));
        result.put("leftoverSearch", Percentiles.ofNanos(leftoverSearch));
        result.put("processesOnMachine", ProcessHandle.allProcesses().count());
        return result;
    }

    /** {@code target} behind a proxy that adds each call's time to this date's phase its method belongs to. */
    private <T> T timed(Class<T> port, T target, Function<String, String> phaseOf)
    {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, arguments) -> {
            long start = System.nanoTime();
            try {
                return method.invoke(target, arguments);
            }
            catch (InvocationTargetException e) {
                throw e.getCause();
            }
            finally {
                long elapsed = System.nanoTime() - start;
                synchronized (phaseNanos) {
                    phaseNanos.merge(phaseOf.apply(method.getName()), elapsed, Long::sum);
                }
            }
        });
        return port.cast(proxy);
    }

    /** A delivery of the probe's own: nothing to acknowledge, one attempt. */
    private record ProbeDelivery(WorkItem item)
            implements Delivery
    {
        @Override
        public String messageId()
        {
            return item.toString();
        }

        @Override
        public int deliveryAttempt()
        {
            return 1;
        }

        @Override
        public int timesDeferred()
        {
            return 0;
        }

        @Override
        public void ack() {}

        @Override
        public void release(Duration delay)
        {
            throw new IllegalStateException(item + " released: " + delay);
        }

        @Override
        public void defer(Duration delay)
        {
            throw new IllegalStateException(item + " deferred: " + delay);
        }
    }
}
