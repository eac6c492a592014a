package dev.backfillfleet.config;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.queue.QueueSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, validated configuration for every process. Values come, lowest precedence first,
 * from the defaults below, {@code $BACKFILL_HOME/backfill.properties}, the environment
 * ({@code BACKFILL_WORKER_CONCURRENCY} for {@code backfill.worker-concurrency}) and the
 * command line. Every problem is reported at once; unknown keys in the file are rejected.
 */
public final class FleetConfig
{
    public static final ConfigKey HOME = new ConfigKey("backfill.home", ".backfill", "directory of the embedded queue, state and warehouse");
    public static final ConfigKey BACKEND = new ConfigKey("backfill.backend", "embedded", "embedded | gcp: the default for the three adapters below");
    public static final ConfigKey QUEUE = new ConfigKey("backfill.queue", "", "embedded | pubsub (default: from backfill.backend)");
    public static final ConfigKey STATE = new ConfigKey("backfill.state", "", "embedded | firestore (default: from backfill.backend)");
    public static final ConfigKey WAREHOUSE = new ConfigKey("backfill.warehouse", "", "embedded | bigquery (default: from backfill.backend)");
    public static final ConfigKey WORKER_CONCURRENCY = new ConfigKey("backfill.worker-concurrency", "4", "dates one worker process runs at once");
    public static final ConfigKey LEASE_SECONDS = new ConfigKey("backfill.lease-seconds", "20", "state lease length; renewed every third of it while a date runs");
    public static final ConfigKey ACK_DEADLINE_SECONDS = new ConfigKey("backfill.ack-deadline-seconds", "20", "queue ack deadline (Pub/Sub: 10-600)");
    public static final ConfigKey MAX_ATTEMPTS = new ConfigKey("backfill.max-attempts", "5",
            "attempts of a date (transient failures, dead workers) before it is FAILED with its last error; waiting and shutdowns do not count");
    public static final ConfigKey MAX_DELIVERY_ATTEMPTS = new ConfigKey("backfill.max-delivery-attempts", "100",
            "deliveries of a message before it is dead-lettered and its date FAILED: a backstop (Pub/Sub: 5-100; waits count there)");
    public static final ConfigKey RETRY_ATTEMPTS = new ConfigKey("backfill.retry-attempts", "3", "in-process attempts for a transient failure before the message is released");
    public static final ConfigKey RETRY_INITIAL_BACKOFF_MILLIS = new ConfigKey("backfill.retry-initial-backoff-millis", "200", "first in-process retry backoff; doubles with jitter");
    public static final ConfigKey TABLE_CONCURRENCY = new ConfigKey("backfill.table-concurrency", "100", "fleet-wide bound on dates of one table running at once");
    public static final ConfigKey DEPENDENCY_DELAY_MILLIS = new ConfigKey("backfill.dependency-delay-millis", "1000", "redelivery delay while an upstream date is not done");
    public static final ConfigKey MAX_DEFER_SECONDS = new ConfigKey("backfill.max-defer-seconds", "60",
            "longest wait of a date that cannot run yet (upstream not done, leased elsewhere); the wait doubles per delivery up to this");
    public static final ConfigKey GCP_PROJECT = new ConfigKey("backfill.gcp-project", "", "Google Cloud project id (required for gcp adapters)");
    public static final ConfigKey PUBSUB_TOPIC = new ConfigKey("backfill.pubsub-topic", "backfill-work", "Pub/Sub topic of work messages");
    public static final ConfigKey PUBSUB_SUBSCRIPTION = new ConfigKey("backfill.pubsub-subscription", "backfill-work-workers", "Pub/Sub subscription workers pull");
    public static final ConfigKey PUBSUB_DEAD_LETTER_TOPIC = new ConfigKey("backfill.pubsub-dead-letter-topic", "backfill-work-dead-letter", "Pub/Sub dead-letter topic");
    public static final ConfigKey PUBSUB_DEAD_LETTER_SUBSCRIPTION = new ConfigKey("backfill.pubsub-dead-letter-subscription", "backfill-work-dead-letter-workers", "subscription on the dead-letter topic");
    public static final ConfigKey FIRESTORE_DATABASE = new ConfigKey("backfill.firestore-database", "(default)", "Firestore database id");
    public static final ConfigKey FIRESTORE_COLLECTION = new ConfigKey("backfill.firestore-collection", "backfill_dates", "Firestore collection of date records");
    public static final ConfigKey BIGQUERY_DATASET_RAW = new ConfigKey("backfill.bigquery-dataset-raw", "nba_raw", "BigQuery dataset of the raw inputs");
    public static final ConfigKey BIGQUERY_DATASET_STATIC = new ConfigKey("backfill.bigquery-dataset-static", "nba_static", "BigQuery dataset of the static tables");
    public static final ConfigKey BIGQUERY_DATASET_ANALYTICS = new ConfigKey("backfill.bigquery-dataset-analytics", "nba_analytics", "BigQuery dataset of the analytics tables");
    public static final ConfigKey PUBSUB_RETRY_MIN_BACKOFF_SECONDS = new ConfigKey("backfill.pubsub-retry-min-backoff-seconds", "1", "subscription retry policy: minimum backoff after a nack (0-600)");
    public static final ConfigKey PUBSUB_PULL_MODE = new ConfigKey("backfill.pubsub-pull-mode", "streaming", "streaming | unary: how workers pull Pub/Sub (unary: synchronous Pull, for the emulator)");
    public static final ConfigKey CONNECT_TIMEOUT_SECONDS = new ConfigKey("backfill.connect-timeout-seconds", "10",
            "how long a Pub/Sub admin call (setup, the start-up check) waits before an unreachable host is reported (1-300)");
    public static final ConfigKey BIGQUERY_LOCATION = new ConfigKey("backfill.bigquery-location", "US", "BigQuery location");
    public static final ConfigKey BIGQUERY_WRITE_TIMEOUT_SECONDS = new ConfigKey("backfill.bigquery-write-timeout-seconds", "15",
            "how long a partition write waits for its BigQuery job before cancelling it; must stay below the lease");
    public static final ConfigKey BIGQUERY_PARTITION_WRITES_PER_10S = new ConfigKey("backfill.bigquery-partition-writes-per-10s", "40",
            "fleet-wide partition writes per table per 10 s (BigQuery allows 50)");
    public static final ConfigKey BIGQUERY_MAX_BYTES_BILLED = new ConfigKey("backfill.bigquery-max-bytes-billed", "1073741824",
            "per-query byte cap (default 1 GiB: every read names its columns and prunes partitions); 0 = none");
    public static final ConfigKey BIGQUERY_READ_PRIORITY = new ConfigKey("backfill.bigquery-read-priority", "interactive",
            "interactive | batch: the priority of the workers' read queries (batch waits for idle capacity, often minutes)");
    public static final ConfigKey DEMO_DATA = new ConfigKey("backfill.demo-data", "true", "seed the embedded warehouse with the demo league on first use (false: start empty, e.g. to import real data)");
    public static final ConfigKey SYNTHETIC_LATENCY_MS = new ConfigKey("backfill.synthetic-latency-ms", "50", "synthetic table: processing time per date");
    public static final ConfigKey SYNTHETIC_TRANSIENT_FAILURE_RATE = new ConfigKey("backfill.synthetic-transient-failure-rate", "0", "synthetic table: probability of a transient failure per attempt");
    public static final ConfigKey SYNTHETIC_FAIL_DATES = new ConfigKey("backfill.synthetic-fail-dates", "", "synthetic table: comma list of dates that fail permanently");

    public static final List<ConfigKey> KEYS = List.of(
            HOME, BACKEND, QUEUE, STATE, WAREHOUSE, WORKER_CONCURRENCY, LEASE_SECONDS, ACK_DEADLINE_SECONDS, MAX_ATTEMPTS, MAX_DELIVERY_ATTEMPTS,
            RETRY_ATTEMPTS, RETRY_INITIAL_BACKOFF_MILLIS, TABLE_CONCURRENCY, DEPENDENCY_DELAY_MILLIS, MAX_DEFER_SECONDS, GCP_PROJECT,
            PUBSUB_TOPIC, PUBSUB_SUBSCRIPTION, PUBSUB_DEAD_LETTER_TOPIC, PUBSUB_DEAD_LETTER_SUBSCRIPTION,
            PUBSUB_RETRY_MIN_BACKOFF_SECONDS, PUBSUB_PULL_MODE, CONNECT_TIMEOUT_SECONDS, FIRESTORE_DATABASE, FIRESTORE_COLLECTION, BIGQUERY_DATASET_RAW, BIGQUERY_DATASET_STATIC,
            BIGQUERY_DATASET_ANALYTICS, BIGQUERY_LOCATION, BIGQUERY_WRITE_TIMEOUT_SECONDS, BIGQUERY_PARTITION_WRITES_PER_10S, BIGQUERY_MAX_BYTES_BILLED, BIGQUERY_READ_PRIORITY, DEMO_DATA,
            SYNTHETIC_LATENCY_MS, SYNTHETIC_TRANSIENT_FAILURE_RATE, SYNTHETIC_FAIL_DATES);

    /** The most dates one process runs at once: a thread each, and one lease renewal thread each. */
    public static final int MAX_CONCURRENCY = 256;

    // the names the cloud services accept (and so the only ones spliced into a resource path or a
    // BigQuery table name): Pub/Sub's Topic.name and Subscription.name (google.pubsub.v1),
    // https://cloud.google.com/resource-manager/docs/creating-managing-projects,
    // https://firebase.google.com/docs/firestore/quotas#collections_documents_and_fields,
    // https://cloud.google.com/bigquery/docs/datasets#dataset-naming
    private static final Pattern PROJECT_ID = Pattern.compile("([a-z][a-z0-9.-]{0,62}:)?[a-z][a-z0-9-]{0,62}");
    private static final Pattern PUBSUB_NAME = Pattern.compile("(?!goog)[A-Za-z][A-Za-z0-9._~+%-]{2,254}");
    private static final Pattern FIRESTORE_DATABASE_ID = Pattern.compile("\\(default\\)|[a-z][a-z0-9-]{2,61}[a-z0-9]");
    private static final Pattern FIRESTORE_COLLECTION_ID = Pattern.compile("(?!__.*__$)[A-Za-z0-9_][A-Za-z0-9_.,-]{0,1499}");
    private static final Pattern BIGQUERY_DATASET_ID = Pattern.compile("[A-Za-z0-9_]{1,1024}");

    private final Map<String, String> values;
    private final Map<String, String> sources;

    FleetConfig(Map<String, String> values, Map<String, String> sources)
    {
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
        validate();
    }

    /** Configuration from defaults and the given overrides only: for tests and tools. */
    public static FleetConfig of(Map<String, String> overrides)
    {
        return FleetConfigLoader.load(Map.of(), overrides);
    }

    private void validate()
    {
        List<String> errors = new ArrayList<>();
        check(errors, this::backendChoices);
        check(errors, () -> {
            if (java.nio.file.Files.exists(home()) && !java.nio.file.Files.isDirectory(home())) {
                throw invalid(HOME, "is a file, not a directory");
            }
        });
        check(errors, () -> between(WORKER_CONCURRENCY, 1, MAX_CONCURRENCY));
        check(errors, () -> positive(LEASE_SECONDS));
        check(errors, () -> between(ACK_DEADLINE_SECONDS, 1, 600));
        check(errors, () -> between(MAX_DELIVERY_ATTEMPTS, 1, 100));
        check(errors, () -> between(MAX_ATTEMPTS, 1, 100));
        check(errors, () -> positive(RETRY_ATTEMPTS));
        check(errors, () -> between(RETRY_INITIAL_BACKOFF_MILLIS, 0, 600_000));
        check(errors, () -> positive(TABLE_CONCURRENCY));
        check(errors, () -> between(DEPENDENCY_DELAY_MILLIS, 0, 600_000));
        // a Pub/Sub retry policy's backoff is at most 600 s, and a nack's delay comes from it
        check(errors, () -> between(MAX_DEFER_SECONDS, 1, 600));
        check(errors, () -> between(SYNTHETIC_LATENCY_MS, 0, 3_600_000));
        check(errors, this::demoData);
        check(errors, () -> between(PUBSUB_RETRY_MIN_BACKOFF_SECONDS, 0, 600));
        check(errors, this::pubSubPullMode);
        check(errors, this::bigQueryReadPriority);
        check(errors, () -> between(CONNECT_TIMEOUT_SECONDS, 1, 300));
        check(errors, () -> between(BIGQUERY_WRITE_TIMEOUT_SECONDS, 1, 3_600));
        // BigQuery allows 50 partition modifications per 10 s per table; 45 x 1.1 (the permit windows' bound) stays within it
        check(errors, () -> between(BIGQUERY_PARTITION_WRITES_PER_10S, 1, 45));
        check(errors, () -> {
            if (warehouseBackend() == WarehouseBackend.BIGQUERY && integer(LEASE_SECONDS) <= integer(BIGQUERY_WRITE_TIMEOUT_SECONDS)) {
                throw invalid(LEASE_SECONDS, "must exceed backfill.bigquery-write-timeout-seconds (" + integer(BIGQUERY_WRITE_TIMEOUT_SECONDS)
                        + "): a write may land only while its lease holds");
            }
        });
        check(errors, () -> {
            // a Pub/Sub dead-letter policy takes 5-100 delivery attempts (platform-limits.md)
            if (queueBackend() == QueueBackend.PUBSUB) {
                between(MAX_DELIVERY_ATTEMPTS, 5, 100);
            }
        });
        check(errors, () -> {
            if (bigQueryMaximumBytesBilled() < 0) {
                throw invalid(BIGQUERY_MAX_BYTES_BILLED, "must not be negative");
            }
        });
        check(errors, () -> {
            double rate = syntheticTransientFailureRate();
            if (rate < 0 || rate > 1) {
                throw invalid(SYNTHETIC_TRANSIENT_FAILURE_RATE, "must be between 0 and 1");
            }
        });
        check(errors, () -> {
            if (usesGcp() && gcpProject().isEmpty()) {
                throw invalid(GCP_PROJECT, "is required when a Google Cloud adapter is selected");
            }
        });
        check(errors, () -> {
            if (usesGcp() && gcpProject().isPresent()) {
                name(GCP_PROJECT, PROJECT_ID, "a Google Cloud project id: lowercase letters, digits and hyphens, starting with a letter (e.g. my-project-123)");
            }
        });
        for (ConfigKey key : List.of(PUBSUB_TOPIC, PUBSUB_SUBSCRIPTION, PUBSUB_DEAD_LETTER_TOPIC, PUBSUB_DEAD_LETTER_SUBSCRIPTION)) {
            check(errors, () -> {
                if (queueBackend() == QueueBackend.PUBSUB) {
                    name(key, PUBSUB_NAME, "a Pub/Sub name: 3-255 letters, digits and - _ . ~ + %, starting with a letter, not with 'goog'");
                }
            });
        }
        check(errors, () -> {
            if (stateBackend() == StateBackend.FIRESTORE) {
                name(FIRESTORE_DATABASE, FIRESTORE_DATABASE_ID, "a Firestore database id: (default), or 4-63 lowercase letters, digits and hyphens, starting with a letter");
                name(FIRESTORE_COLLECTION, FIRESTORE_COLLECTION_ID, "a Firestore collection id: letters, digits and _ - . , without '/' and not __like_this__");
            }
        });
        for (ConfigKey key : List.of(BIGQUERY_DATASET_RAW, BIGQUERY_DATASET_STATIC, BIGQUERY_DATASET_ANALYTICS)) {
            check(errors, () -> {
                if (warehouseBackend() == WarehouseBackend.BIGQUERY) {
                    name(key, BIGQUERY_DATASET_ID, "a BigQuery dataset id: 1-1024 letters, digits and underscores");
                }
            });
        }
        if (errors.size() == 1) {
            throw FleetException.userError("invalid configuration: " + errors.get(0));
        }
        if (!errors.isEmpty()) {
            throw FleetException.userError("invalid configuration (" + errors.size() + " problems):\n  " + String.join("\n  ", errors));
        }
    }

    private static void check(List<String> errors, Runnable check)
    {
        try {
            check.run();
        }
        catch (FleetException | IllegalArgumentException e) {
            // two checks may find the same bad value: say it once
            if (!errors.contains(e.getMessage())) {
                errors.add(e.getMessage());
            }
        }
    }

    private void backendChoices()
    {
        choice(BACKEND, List.of("embedded", "gcp"));
        queueBackend();
        stateBackend();
        warehouseBackend();
    }

    public Path home()
    {
        return Path.of(get(HOME));
    }

    public QueueBackend queueBackend()
    {
        return adapter(QUEUE, QueueBackend.values());
    }

    public StateBackend stateBackend()
    {
        return adapter(STATE, StateBackend.values());
    }

    public WarehouseBackend warehouseBackend()
    {
        return adapter(WAREHOUSE, WarehouseBackend.values());
    }

    public boolean usesGcp()
    {
        return queueBackend().isGoogleCloud() || stateBackend().isGoogleCloud() || warehouseBackend().isGoogleCloud();
    }

    /** The configured adapter, or, when the key is unset, the one {@code backfill.backend} implies. */
    private <B extends Enum<B> & Backend> B adapter(ConfigKey key, B[] choices)
    {
        String value = get(key);
        if (value.isEmpty()) {
            boolean gcp = choice(BACKEND, List.of("embedded", "gcp")).equals("gcp");
            return java.util.Arrays.stream(choices).filter(choice -> choice.isGoogleCloud() == gcp).findFirst().orElseThrow();
        }
        String name = choice(key, java.util.Arrays.stream(choices).map(Backend::configName).toList());
        return java.util.Arrays.stream(choices).filter(choice -> choice.configName().equals(name)).findFirst().orElseThrow();
    }

    /** {@code streaming} or {@code unary}. */
    public String pubSubPullMode()
    {
        return choice(PUBSUB_PULL_MODE, List.of("streaming", "unary"));
    }

    /** {@code interactive} or {@code batch}. */
    public String bigQueryReadPriority()
    {
        return choice(BIGQUERY_READ_PRIORITY, List.of("interactive", "batch"));
    }

    public long bigQueryMaximumBytesBilled()
    {
        return parse(BIGQUERY_MAX_BYTES_BILLED, Long::parseLong, "a whole number");
    }

    public int integerValue(ConfigKey key)
    {
        return integer(key);
    }

    public int workerConcurrency()
    {
        return integer(WORKER_CONCURRENCY);
    }

    public Duration connectTimeout()
    {
        return Duration.ofSeconds(integer(CONNECT_TIMEOUT_SECONDS));
    }

    public Duration leaseLength()
    {
        return Duration.ofSeconds(integer(LEASE_SECONDS));
    }

    public QueueSettings queueSettings()
    {
        return new QueueSettings(Duration.ofSeconds(integer(ACK_DEADLINE_SECONDS)), integer(MAX_DELIVERY_ATTEMPTS));
    }

    public int maxAttempts()
    {
        return integer(MAX_ATTEMPTS);
    }

    public int retryAttempts()
    {
        return integer(RETRY_ATTEMPTS);
    }

    public Duration retryInitialBackoff()
    {
        return Duration.ofMillis(integer(RETRY_INITIAL_BACKOFF_MILLIS));
    }

    public int tableConcurrency()
    {
        return integer(TABLE_CONCURRENCY);
    }

    public Duration dependencyDelay()
    {
        return Duration.ofMillis(integer(DEPENDENCY_DELAY_MILLIS));
    }

    public Duration maxDeferDelay()
    {
        return Duration.ofSeconds(integer(MAX_DEFER_SECONDS));
    }

    public Optional<String> gcpProject()
    {
        return Optional.of(get(GCP_PROJECT)).filter(value -> !value.isBlank());
    }

    public String get(ConfigKey key)
    {
        return values.getOrDefault(key.name(), key.defaultValue());
    }

    public boolean demoData()
    {
        return Boolean.parseBoolean(choice(DEMO_DATA, List.of("true", "false")));
    }

    public long syntheticLatencyMillis()
    {
        return integer(SYNTHETIC_LATENCY_MS);
    }

    public double syntheticTransientFailureRate()
    {
        return parse(SYNTHETIC_TRANSIENT_FAILURE_RATE, Double::parseDouble, "a number");
    }

    public String syntheticFailDates()
    {
        return get(SYNTHETIC_FAIL_DATES);
    }

    /** Where a key's value came from (default, a file, the environment, the command line). */
    public String sourceOf(ConfigKey key)
    {
        return sources.getOrDefault(key.name(), "default");
    }

    private int integer(ConfigKey key)
    {
        return parse(key, Integer::parseInt, "a whole number");
    }

    private void positive(ConfigKey key)
    {
        if (integer(key) < 1) {
            throw invalid(key, "must be at least 1");
        }
    }

    private void between(ConfigKey key, int low, int high)
    {
        int value = integer(key);
        if (value < low || value > high) {
            throw invalid(key, "must be between " + low + " and " + high);
        }
    }

    private void name(ConfigKey key, Pattern allowed, String expected)
    {
        if (!allowed.matcher(get(key)).matches()) {
            throw invalid(key, "is not " + expected);
        }
    }

    private String choice(ConfigKey key, List<String> choices)
    {
        String value = get(key);
        if (!choices.contains(value)) {
            throw invalid(key, "must be one of " + String.join(", ", choices));
        }
        return value;
    }

    private <T> T parse(ConfigKey key, Function<String, T> parser, String expected)
    {
        try {
            return parser.apply(get(key).trim());
        }
        catch (RuntimeException e) {
            throw invalid(key, "is not " + expected);
        }
    }

    private FleetException invalid(ConfigKey key, String problem)
    {
        return FleetException.userError(key.name() + " = '" + get(key) + "' " + problem + " (from " + sourceOf(key)
                + "; set it in $BACKFILL_HOME/backfill.properties or as " + key.environmentVariable() + ")");
    }

    public Map<String, String> asMap()
    {
        Map<String, String> all = new LinkedHashMap<>();
        KEYS.forEach(key -> all.put(key.name(), get(key)));
        return all;
    }
}
