package dev.backfillfleet.e2e;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.coordinator.HomeFiles;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.e2e.BadInput.Where;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteWorkQueue;
import dev.backfillfleet.queue.QueueSettings;
import dev.backfillfleet.standalone.StandaloneMain;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.backfillfleet.e2e.BadInput.coordinator;
import static dev.backfillfleet.e2e.BadInput.coordinatorProcess;
import static dev.backfillfleet.e2e.BadInput.worker;
import static dev.backfillfleet.e2e.BadInput.workerProcess;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind, as a new user, a typo or a broken producer gives it: on the command
 * line, in the configuration (the properties file, environment variables), in files to import,
 * in queue messages and in the environment (a home that is a file, corrupt SQLite files,
 * emulators out of reach). Each case asserts the exit code (2 usage, configuration or input; 3
 * the environment; 0 when the fleet absorbs it), that the last line of stderr says what is wrong,
 * where and what to do, that there is no stack trace unless --verbose (which adds it), and that
 * the home's files are byte for byte as they were.
 *
 * <p>Most cases run a verb in this JVM; those that need environment variables run a real process,
 * all started together once (a shared fixture) so that the suite takes seconds.
 */
class TestBadInputs
{
    private static final Duration PROCESS_DEADLINE = Duration.ofSeconds(60);
    // every Google client of a process case points at a closed port on this machine, and looks for no metadata server
    private static final Map<String, String> NOTHING_OUTSIDE = Map.of(
            "PUBSUB_EMULATOR_HOST", "127.0.0.1:1",
            "FIRESTORE_EMULATOR_HOST", "127.0.0.1:1",
            "NO_GCE_CHECK", "true",
            "BACKFILL_CONNECT_TIMEOUT_SECONDS", "1");

    @TempDir
    static Path workspace;

    private static Path template;
    private static ServerSocket portInUse;
    private static final Map<String, StartedProcess> PROCESSES = new LinkedHashMap<>();

    static Stream<BadInput> inProcess()
    {
        return cases().filter(BadInput::inProcess);
    }

    static Stream<BadInput> inProcesses()
    {
        return cases().filter(each -> !each.inProcess());
    }

    static Stream<BadInput> cases()
    {
        return Stream.of(commandLine(), configuration(), files(), messages(), environments()).flatMap(List::stream);
    }

    private static List<BadInput> commandLine()
    {
        Where where = Where.COMMAND_LINE;
        return List.of(
                coordinator(where, "an unknown command", "frobnicate").exits(2, "unknown command 'frobnicate'", "The commands: run,", "coordinator --help").parserRefuses(),
                coordinator(where, "a misspelt option", "status", "--tabel", "synthetic").exits(2, "Unknown options: '--tabel'", "did you mean --table?", "coordinator status --help").parserRefuses(),
                coordinator(where, "--workers 0", "run", "--table", "synthetic", "--range", "2024-02-01..2024-02-02", "--workers", "0")
                        .exits(2, "backfill.worker-concurrency = '0' must be between 1 and 256", "from the command line"),
                coordinator(where, "--workers 100000", "run", "--table", "synthetic", "--range", "2024-02-01..2024-02-02", "--workers", "100000")
                        .exits(2, "backfill.worker-concurrency = '100000' must be between 1 and 256"),
                coordinator(where, "--workers that is not a number", "run", "--table", "synthetic", "--dates", "2024-02-01", "--workers", "many")
                        .exits(2, "Invalid value for option '--workers': 'many' is not an int", "coordinator run --help").parserRefuses(),
                coordinator(where, "a day that does not exist", "enqueue", "--table", "synthetic", "--range", "2024-02-30..2024-03-01")
                        .exits(2, "range start '2024-02-30': day 30 does not exist in 2024-02"),
                coordinator(where, "a reversed range", "enqueue", "--table", "synthetic", "--range", "2024-03-01..2024-02-01")
                        .exits(2, "range '2024-03-01..2024-02-01' ends before it starts"),
                coordinator(where, "a range without '..'", "enqueue", "--table", "synthetic", "--range", "2024-03-01")
                        .exits(2, "--range '2024-03-01' needs the form A..B", "use --dates for single dates"),
                coordinator(where, "--range and --dates together", "enqueue", "--table", "synthetic", "--range", "2024-03-01..2024-03-02", "--dates", "2024-03-05")
                        .exits(2, "give either --range or --dates, not both"),
                coordinator(where, "no dates", "enqueue", "--table", "synthetic").exits(2, "give the dates with --range A..B or --dates d1,d2"),
                coordinator(where, "empty --dates", "enqueue", "--table", "synthetic", "--dates", "").exits(2, "no dates given: expected YYYY-MM-DD, A..B or a comma list"),
                coordinator(where, "--dates of commas", "enqueue", "--table", "synthetic", "--dates", ",,").exits(2, "empty entry in date list ',,'"),
                coordinator(where, "an unknown table", "enqueue", "--table", "team_ofense", "--dates", "2024-03-01")
                        .exits(2, "unknown table 'team_ofense'. Did you mean team_offense", "Known tables:"),
                coordinator(where, "a table name with SQL in it", "enqueue", "--table", "synthetic'; DROP TABLE date_state;--", "--dates", "2024-03-01")
                        .exits(2, "unknown table 'synthetic'; drop table date_state;--'", "Known tables:"),
                coordinator(where, "an unknown backend", "status", "--backend", "cloud")
                        .exits(2, "backfill.backend = 'cloud' must be one of embedded, gcp", "BACKFILL_BACKEND"),
                coordinator(where, "a misspelt --set key", "status", "--set", "backfill.lease-secnds=5")
                        .exits(2, "unknown configuration key 'backfill.lease-secnds' (given with --set)", "did you mean backfill.lease-seconds?"),
                coordinator(where, "--set without a value", "status", "--set", "backfill.lease-seconds")
                        .exits(2, "should be in KEY=VALUE format", "coordinator status --help").parserRefuses(),
                coordinator(where, "--interval 0", "watch", "--table", "synthetic", "--range", "2024-01-01..2024-01-05", "--interval", "0")
                        .exits(2, "--interval 0.0 is too short: use at least 0.1 seconds"),
                coordinator(where, "--threshold above 100", "verify", "--table", "synthetic", "--range", "2024-01-01..2024-01-05", "--threshold", "150")
                        .exits(2, "--threshold 150.0 is not a percentage between 0 and 100"),
                coordinator(where, "verify --source of neither", "verify", "--table", "synthetic", "--range", "2024-01-01..2024-01-05", "--source", "rows")
                        .exits(2, "--source 'rows' is not state or data"),
                coordinator(where, "an unknown error class", "retry", "--table", "synthetic", "--failed", "--error-class", "BOGUS")
                        .exits(2, "unknown error class 'BOGUS': use TRANSIENT, PERMANENT or USER"),
                coordinator(where, "report --out a directory", "report", "--range", "2024-01-01..2024-01-05", "--out", "{files}")
                        .exits(2, "--out {files} is a directory: name the file to write, e.g. --out {files}/report.html"),
                coordinator(where, "report --out in a missing directory", "report", "--range", "2024-01-01..2024-01-05", "--out", "{files}/no/such/report.html")
                        .exits(2, "directory {files}/no/such does not exist; create it"),
                worker(where, "worker --grace-seconds 0", "--grace-seconds", "0", "--until-idle")
                        .exits(2, "--grace-seconds must be at least 1, not 0", "worker --help").parserRefuses(),
                worker(where, "worker --shutdown-seconds 3", "--shutdown-seconds", "3", "--until-idle")
                        .exits(2, "--shutdown-seconds 3: the platform's grace must be at least 6 s, not 3 s", "worker --help").parserRefuses(),
                worker(where, "worker --grace-seconds past the shutdown", "--shutdown-seconds", "10", "--grace-seconds", "9", "--until-idle")
                        .exits(2, "--shutdown-seconds 10 --grace-seconds 9: the grace must be 0-5.5 s within a platform grace of 10 s, not 9 s").parserRefuses(),
                worker(where, "worker --idle-seconds -1", "--idle-seconds", "-1", "--until-idle")
                        .exits(2, "--idle-seconds must be at least 1, not -1", "worker --help").parserRefuses(),
                worker(where, "worker --concurrency 100000", "--concurrency", "100000", "--until-idle")
                        .exits(2, "backfill.worker-concurrency = '100000' must be between 1 and 256"),
                worker(where, "worker --http-port 70000", "--http-port", "70000", "--until-idle")
                        .exits(2, "--http-port 70000 is not a port: use 1-65535, or 0 for any free port"),
                worker(where, "worker --http-port in use", "--http-port", "{port-in-use}", "--until-idle")
                        .exits(2, "Address already in use", "another process listens there; pick another port or 0"));
    }

    private static List<BadInput> configuration()
    {
        Where where = Where.CONFIGURATION;
        return List.of(
                coordinator(where, "a properties value that is not a number", "status")
                        .given(properties("backfill.lease-seconds=abc\n"))
                        .exits(2, "backfill.lease-seconds = 'abc' is not a whole number (from {home}/backfill.properties", "BACKFILL_LEASE_SECONDS"),
                coordinator(where, "a misspelt key in the properties file", "status")
                        .given(properties("backfill.lease-secs=5\n"))
                        .exits(2, "unknown configuration keys in {home}/backfill.properties", "did you mean backfill.lease-seconds?", "remove or correct them"),
                coordinator(where, "a malformed \\u escape in the properties file", "status")
                        .given(properties("backfill.synthetic-fail-dates=\\u00zz\n"))
                        .exits(2, "{home}/backfill.properties is malformed (Malformed \\uxxxx encoding.)", "write a backslash as \\\\"),
                coordinator(where, "a properties file that is not UTF-8", "status")
                        .given((home, files) -> {
                            Files.write(home.resolve("backfill.properties"), new byte[] {'b', '=', (byte) 0xff, (byte) 0xfe, '\n'});
                            return home;
                        })
                        .exits(2, "{home}/backfill.properties is not UTF-8 text: save it as UTF-8"),
                coordinator(where, "a properties file that is a directory", "status")
                        .given((home, files) -> {
                            Files.createDirectory(home.resolve("backfill.properties"));
                            return home;
                        })
                        .exits(2, "{home}/backfill.properties is a directory", "move the directory away"),
                coordinator(where, "dead-letter attempts below Pub/Sub's minimum", "status")
                        .given(properties("backfill.queue=pubsub\nbackfill.gcp-project=demo-project\nbackfill.max-delivery-attempts=4\n"))
                        .exits(2, "backfill.max-delivery-attempts = '4' must be between 5 and 100 (from {home}/backfill.properties"),
                coordinator(where, "two bad values at once", "status")
                        .given(properties("backfill.max-defer-seconds=601\nbackfill.ack-deadline-seconds=0\n"))
                        .exits(2, "= '", "set it in $BACKFILL_HOME/backfill.properties or as BACKFILL_").lists(),
                coordinatorProcess(where, "a negative lease in the environment", "status", "--home", "{home}")
                        .env("BACKFILL_LEASE_SECONDS", "-3")
                        .exits(2, "backfill.lease-seconds = '-3' must be at least 1 (from environment variable BACKFILL_LEASE_SECONDS"),
                coordinatorProcess(where, "a Pub/Sub topic with a space", "enqueue", "--home", "{home}", "--table", "synthetic", "--dates", "2024-03-01")
                        .env("BACKFILL_QUEUE", "pubsub", "BACKFILL_GCP_PROJECT", "demo-project", "BACKFILL_PUBSUB_TOPIC", "work topic")
                        .exits(2, "backfill.pubsub-topic = 'work topic' is not a Pub/Sub name", "from environment variable BACKFILL_PUBSUB_TOPIC"),
                coordinatorProcess(where, "a Pub/Sub subscription with a '/'", "status", "--home", "{home}")
                        .env("BACKFILL_QUEUE", "pubsub", "BACKFILL_GCP_PROJECT", "demo-project", "BACKFILL_PUBSUB_SUBSCRIPTION", "projects/x/subscriptions/y")
                        .exits(2, "backfill.pubsub-subscription = 'projects/x/subscriptions/y' is not a Pub/Sub name", "BACKFILL_PUBSUB_SUBSCRIPTION"),
                coordinatorProcess(where, "a project id with a space", "status", "--home", "{home}")
                        .env("BACKFILL_STATE", "firestore", "BACKFILL_GCP_PROJECT", "My Project")
                        .exits(2, "backfill.gcp-project = 'My Project' is not a Google Cloud project id", "BACKFILL_GCP_PROJECT"),
                coordinatorProcess(where, "a Firestore collection with a '/'", "status", "--home", "{home}")
                        .env("BACKFILL_STATE", "firestore", "BACKFILL_GCP_PROJECT", "demo-project", "BACKFILL_FIRESTORE_COLLECTION", "a/b")
                        .exits(2, "backfill.firestore-collection = 'a/b' is not a Firestore collection id", "BACKFILL_FIRESTORE_COLLECTION"),
                coordinatorProcess(where, "a Google adapter without a project", "status", "--home", "{home}")
                        .env("BACKFILL_STATE", "firestore")
                        .exits(2, "backfill.gcp-project", "is required when a Google Cloud adapter is selected", "BACKFILL_GCP_PROJECT"));
    }

    private static List<BadInput> files()
    {
        Where where = Where.FILES;
        String table = "nba_raw.nbac_team_boxscore";
        return List.of(
                coordinator(where, "import of a missing file", "import", "--table", table, "{files}/nope.csv")
                        .exits(2, "nothing was imported into " + table + ": {files}/nope.csv: no such file"),
                coordinator(where, "import of a directory", "import", "--table", table, "{files}")
                        .exits(2, "{files} is a directory: name the files to import"),
                coordinator(where, "import of a file of unknown type", "import", "--table", table, "{files}/rows.txt")
                        .given(file("rows.txt", "game_id\n1\n"))
                        .exits(2, "{files}/rows.txt: unknown file type; name it .csv, .json, .ndjson or .jsonl"),
                coordinator(where, "import of an empty CSV", "import", "--table", table, "{files}/empty.csv")
                        .given(file("empty.csv", ""))
                        .exits(2, "{files}/empty.csv: empty; expected a header row of column names", "correct it and run the import again"),
                coordinator(where, "import of a CSV whose header names an unknown column", "import", "--table", table, "{files}/unknown.csv")
                        .given(file("unknown.csv", "nope,game_date\n1,2024-01-01\n"))
                        .exits(2, "{files}/unknown.csv:1: the header lacks required column(s)").lists(),
                coordinator(where, "import of a CSV with a bad value", "import", "--table", table, "{files}/value.csv")
                        .given(file("value.csv", "game_id,nba_game_id,game_date,season_year,team_abbr,is_home,points,processed_at\n"
                                + "1,0022300001,2024-01-01,2023,BOS,true,lots,2024-01-02T09:00:00Z\n"))
                        .exits(2, "{files}/value.csv:2: column 'points': 'lots' is not a whole number (INT64)", "correct it"),
                coordinator(where, "import of malformed NDJSON", "import", "--table", table, "{files}/rows.ndjson")
                        .given(file("rows.ndjson", "{\"game_date\": 2024\n"))
                        .exits(2, "{files}/rows.ndjson:1: malformed JSON: Unexpected end-of-input: expected close marker for Object; correct it"),
                coordinator(where, "import of a CSV that is not UTF-8", "import", "--table", table, "{files}/latin.csv")
                        .given((home, files) -> {
                            Files.write(files.resolve("latin.csv"), "game_id,team_abbr\n1,M\u00dcN\n".getBytes(StandardCharsets.ISO_8859_1));
                            return home;
                        })
                        .exits(2, "{files}/latin.csv: not UTF-8 text (save it as UTF-8)"),
                coordinator(where, "import into a table name with SQL in it", "import", "--table", "nba_raw.x;drop table y", "{files}/nope.csv")
                        .exits(2, "'nba_raw.x;drop table y' is not a table name: expected dataset.table"),
                coordinator(where, "import into an unknown table", "import", "--table", "nba_raw.nope", "{files}/nope.csv")
                        .exits(2, "unknown warehouse table 'nba_raw.nope'. Known tables:"));
    }

    private static List<BadInput> messages()
    {
        Where where = Where.MESSAGES;
        return List.of(
                workerProcess(where, "a message body that is not JSON", "--home", "{home}", "--until-idle", "--idle-seconds", "1")
                        .given(rawMessage("this is not a work message"))
                        .exits(0, "dead letter", "is not a work message and was dropped: this is not a work message", "Unrecognized token 'this'",
                                "publish work with 'coordinator enqueue'").writes(),
                workerProcess(where, "a message body over several lines", "--home", "{home}", "--until-idle", "--idle-seconds", "1")
                        .given(rawMessage("first line\n12:00:00.000 ERROR [main] Worker - a forged log line"))
                        .exits(0, "was dropped: first line\\n12:00:00.000 ERROR [main] Worker - a forged log line").writes(),
                workerProcess(where, "a message whose run id holds SQL", "--home", "{home}", "--until-idle", "--idle-seconds", "1")
                        .given(rawMessage("{\"table\":\"synthetic\",\"date\":\"2024-01-01\",\"runId\":\"r1'); DROP TABLE date_state;--\"}"))
                        .exits(0, "is not a work message and was dropped", "runId 'r1'); DROP TABLE date_state;--' is not a run id").writes(),
                workerProcess(where, "a message naming an unknown table", "--home", "{home}", "--until-idle", "--idle-seconds", "1")
                        .given(rawMessage("{\"table\":\"no_such_table\",\"date\":\"2024-01-01\",\"runId\":\"r1\"}"))
                        .exits(0, "no_such_table 2024-01-01: FAILED (PERMANENT): no_such_table is not in the table catalog",
                                "apply a catalog file that defines it").writes());
    }

    private static List<BadInput> environments()
    {
        Where where = Where.ENVIRONMENT;
        return List.of(
                coordinator(where, "a home that is a file", "status")
                        .given((home, files) -> Files.writeString(files.resolve("home-file"), "not a directory"))
                        .exits(2, "backfill.home = '{files}/home-file' is a file, not a directory"),
                coordinator(where, "a corrupt state.db, read", "status")
                        .given(garbage("state.db"))
                        .exits(3, "{home}/state.db is not a SQLite database or is corrupt", "move it aside", "'coordinator doctor' checks the files"),
                coordinator(where, "a corrupt state.db, written", "enqueue", "--table", "synthetic", "--dates", "2024-03-01")
                        .given(garbage("state.db"))
                        .exits(3, "{home}/state.db is not a SQLite database or is corrupt", "move it aside"),
                coordinator(where, "a truncated warehouse.db", "verify", "--table", "synthetic", "--range", "2024-01-01..2024-01-05")
                        .given((home, files) -> {
                            byte[] whole = Files.readAllBytes(home.resolve("warehouse.db"));
                            Files.write(home.resolve("warehouse.db"), java.util.Arrays.copyOf(whole, 100));
                            return home;
                        })
                        .exits(3, "{home}/warehouse.db is not a SQLite database or is corrupt", "move it aside"),
                // the records come first (QUEUED), then the messages: a failed publish strands nothing, the same enqueue finishes it
                coordinator(where, "a corrupt queue.db", "enqueue", "--table", "synthetic", "--dates", "2024-03-01")
                        .given(garbage("queue.db"))
                        .exits(3, "published 0 of 1 messages, then: {home}/queue.db is not a SQLite database or is corrupt", "run the same command again").writes(),
                coordinatorProcess(where, "an unreachable Pub/Sub emulator", "enqueue", "--home", "{home}", "--table", "synthetic", "--dates", "2024-03-01")
                        .env("BACKFILL_QUEUE", "pubsub", "BACKFILL_GCP_PROJECT", "demo-project")
                        .exits(3, "cannot reach Pub/Sub at 127.0.0.1:1 within 1 s", "that the emulator runs (PUBSUB_EMULATOR_HOST)"),
                coordinatorProcess(where, "an unreachable Firestore emulator, read", "status", "--home", "{home}", "--table", "synthetic")
                        .env("BACKFILL_STATE", "firestore", "BACKFILL_GCP_PROJECT", "demo-project")
                        .exits(3, "cannot reach Firestore at 127.0.0.1:1 (FIRESTORE_EMULATOR_HOST)", "check the network"),
                // a service account file whose key cannot be read: named by its path, its contents never shown (it fails before any network)
                coordinatorProcess(where, "credentials that cannot be read", "setup", "--dry-run", "--home", "{home}")
                        .env("BACKFILL_STATE", "firestore", "BACKFILL_GCP_PROJECT", "demo-project", "FIRESTORE_EMULATOR_HOST", "",
                                "GOOGLE_APPLICATION_CREDENTIALS", "{files}/service-account.json")
                        .given((home, files) -> {
                            Files.writeString(files.resolve("service-account.json"), "{\"type\": \"service_account\", \"project_id\": \"demo-project\","
                                    + " \"private_key_id\": \"SECRET-KEY-ID-4711\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nSECRETKEYMATERIAL\\n"
                                    + "-----END PRIVATE KEY-----\\n\", \"client_email\": \"fleet@demo-project.iam.gserviceaccount.com\", \"client_id\": \"1\"}");
                            return home;
                        })
                        .exits(3, "no Google credentials", "GOOGLE_APPLICATION_CREDENTIALS", "{files}/service-account.json")
                        .hides("SECRETKEYMATERIAL", "SECRET-KEY-ID-4711"),
                workerProcess(where, "an unreachable Firestore emulator, for a worker", "--home", "{home}", "--until-idle")
                        .env("BACKFILL_STATE", "firestore", "BACKFILL_GCP_PROJECT", "demo-project")
                        .exits(3, "cannot reach Firestore at 127.0.0.1:1 (FIRESTORE_EMULATOR_HOST)", "check the network"));
    }

    @BeforeAll
    static void aHomeThatHasRunAndTheProcessCasesStarted()
            throws IOException
    {
        template = Files.createDirectory(workspace.resolve("template"));
        CoordinatorCli.Result run = StandaloneCli.at(template).run("run", "--table", "synthetic", "--range", "2024-01-01..2024-01-05");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        portInUse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (BadInput each : inProcesses().toList()) {
            PROCESSES.put(each.name, StartedProcess.start(each));
        }
    }

    @AfterAll
    static void closeThePort()
            throws IOException
    {
        portInUse.close();
        PROCESSES.values().forEach(started -> started.process.destroyForcibly());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inProcess")
    void inThisProcess(BadInput input)
            throws IOException
    {
        Case prepared = Case.prepare(input);
        Output output = runHere(input, prepared, false);
        prepared.assertOutcome(output);
        if (input.verboseAddsTrace && output.exitCode() != 0) {
            Case again = Case.prepare(input);
            Output verbose = runHere(input, again, true);
            assertThat(verbose.exitCode()).isEqualTo(input.exitCode);
            assertThat(verbose.err()).as("--verbose adds the stack trace").contains("\tat dev.backfillfleet.");
            input.neverShown.forEach(secret -> assertThat(verbose.out() + verbose.err()).doesNotContain(secret));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inProcesses")
    void inItsOwnProcess(BadInput input)
            throws Exception
    {
        StartedProcess started = PROCESSES.get(input.name);
        assertThat(started.process.waitFor(PROCESS_DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("%s ends within %s", input, PROCESS_DEADLINE).isTrue();
        Output output = new Output(started.process.exitValue(), Files.readString(started.out), Files.readString(started.err));
        started.prepared.assertOutcome(output);
        assertThat(Duration.ofNanos(System.nanoTime() - started.startedAt)).as("a bad input is refused at once; an unreachable host within its timeout")
                .isLessThan(Duration.ofSeconds(30));
        if (input.where == Where.MESSAGES) {
            try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.open(started.prepared.home.resolve("state.db"), Clock.systemUTC()))) {
                assertThat(store.countByState(AnalyticsTable.SYNTHETIC, Optional.empty())).as("the home's dates, after the poison message")
                        .isEqualTo(Map.of(DateState.SUCCEEDED, 5L));
            }
            try (SqliteWorkQueue queue = SqliteWorkQueue.openReadOnly(started.prepared.home.resolve("queue.db"), new QueueSettings(Duration.ofSeconds(10), 5), Clock.systemUTC())) {
                assertThat(queue.keysWithAMessage()).isEmpty();
                assertThat(queue.deadLetterCount()).as("the poison message is gone, not waiting to be pulled again").isZero();
            }
        }
    }

    private static Output runHere(BadInput input, Case prepared, boolean verbose)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = input.runner == BadInput.Runner.WORKER ? ExitCodes.configure(new CommandLine(new WorkerMain())) : StandaloneMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(prepared.arguments());
        boolean verb = input.runner == BadInput.Runner.WORKER || (!args.isEmpty() && commandLine.getSubcommands().containsKey(args.get(0)));
        if (verb) {
            args.addAll(List.of("--home", prepared.home.toString()));
        }
        if (verbose) {
            args.add("--verbose");
        }
        return new Output(commandLine.execute(args.toArray(String[]::new)), out.toString(), err.toString());
    }

    private static BadInput.Preparation properties(String text)
    {
        return (home, files) -> {
            Files.writeString(home.resolve("backfill.properties"), text);
            return home;
        };
    }

    private static BadInput.Preparation file(String name, String text)
    {
        return (home, files) -> {
            Files.writeString(files.resolve(name), text);
            return home;
        };
    }

    private static BadInput.Preparation garbage(String name)
    {
        return (home, files) -> {
            byte[] bytes = new byte[16_384];
            new Random(name.hashCode()).nextBytes(bytes);
            Files.write(home.resolve(name), bytes);
            return home;
        };
    }

    private static BadInput.Preparation rawMessage(String body)
    {
        return (home, files) -> {
            try (SqliteWorkQueue queue = SqliteWorkQueue.open(home.resolve("queue.db"), new QueueSettings(Duration.ofSeconds(10), 5), Clock.systemUTC())) {
                queue.publishRaw(body);
            }
            return home;
        };
    }

    record Output(int exitCode, String out, String err) {}

    /** A case made ready: its own copy of the template home, the fault in place, the home's files as they were. */
    private static final class Case
    {
        private final BadInput input;
        private final Path home;
        private final Path files;
        private final Map<String, String> before;

        private Case(BadInput input, Path home, Path files)
        {
            this.input = input;
            this.home = home;
            this.files = files;
            this.before = HomeFiles.snapshot(home);
        }

        static Case prepare(BadInput input)
                throws IOException
        {
            Path root = Files.createTempDirectory(workspace, "case-");
            Path home = root.resolve("home");
            Path files = Files.createDirectory(root.resolve("files"));
            copy(template, home);
            return new Case(input, input.preparation.prepare(home, files), files);
        }

        List<String> arguments()
        {
            return input.arguments(home, files).stream().map(arg -> arg.replace("{port-in-use}", Integer.toString(portInUse.getLocalPort()))).toList();
        }

        Map<String, String> environment()
        {
            Map<String, String> environment = new HashMap<>(NOTHING_OUTSIDE);
            input.environment.forEach((key, value) -> environment.put(key, value.replace("{home}", home.toString()).replace("{files}", files.toString())));
            return environment;
        }

        void assertOutcome(Output output)
        {
            String described = input + "\nstdout:\n" + output.out() + "\nstderr:\n" + output.err();
            List<String> lines = output.err().lines().filter(line -> !line.isBlank()).toList();
            assertThat(output.exitCode()).as(described).isEqualTo(input.exitCode);
            assertThat(lines).as("stderr of " + described).isNotEmpty();
            String last = lines.get(lines.size() - 1);
            for (String words : input.lastLineHolds) {
                assertThat(last).as("the last line of stderr of " + described).contains(words.replace("{home}", home.toString()).replace("{files}", files.toString()));
            }
            assertThat(output.err()).as("no stack trace without --verbose: " + described).doesNotContain("\tat ").doesNotContain("Caused by:");
            for (String secret : input.neverShown) {
                assertThat(output.out() + output.err()).as("a secret in what " + input + " printed").doesNotContain(secret);
            }
            if (input.exitCode != 0) {
                List<String> errors = lines.stream().filter(line -> line.startsWith("error: ")).toList();
                assertThat(errors).as("one error line: " + described).hasSize(1);
                if (input.oneLine) {
                    assertThat(lines).as("stderr is that one line: " + described).hasSize(1);
                }
            }
            if (input.changesNothing) {
                assertThat(HomeFiles.snapshot(home)).as("the home's files after " + described).isEqualTo(before);
            }
        }

        private static void copy(Path from, Path to)
                throws IOException
        {
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path path : paths.toList()) {
                    Path target = to.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    }
                    else {
                        Files.copy(path, target);
                    }
                }
            }
        }
    }

    /** A process case, started with the others before the first assertion. */
    private static final class StartedProcess
    {
        private final Case prepared;
        private final Process process;
        private final Path out;
        private final Path err;
        private final long startedAt = System.nanoTime();

        private StartedProcess(Case prepared, Process process, Path out, Path err)
        {
            this.prepared = prepared;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        static StartedProcess start(BadInput input)
                throws IOException
        {
            Case prepared = Case.prepare(input);
            Path out = prepared.files.resolveSibling("stdout.txt");
            Path err = prepared.files.resolveSibling("stderr.txt");
            Class<?> main = input.runner == BadInput.Runner.WORKER_PROCESS ? WorkerMain.class : StandaloneMain.class;
            Process process = JavaProcesses.start(main, prepared.environment(), out, err, prepared.arguments().toArray(String[]::new));
            return new StartedProcess(prepared, process, out, err);
        }
    }

    @Test
    void theSuiteCoversEveryKindOfInputWithAtLeastFortyCases()
    {
        List<BadInput> all = cases().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(each -> each.where).distinct()).containsExactlyInAnyOrder(Where.values());
        assertThat(all.stream().map(each -> each.name).distinct()).as("names are unique").hasSameSizeAs(all);
    }
}
