package dev.backfillfleet.worker.command;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.testing.Eventually;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command-table protocol with real programs (Python 3 and /bin/sh) that the tests write into a temporary directory. */
class TestCommandRunner
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-01");
    private static final CommandInvocation FIRST_ATTEMPT = new CommandInvocation(DAY, 1, "run-42");
    private static final List<Column> POINTS = List.of(Column.required("team", ColumnType.STRING), Column.nullable("points", ColumnType.INT64));
    private static final boolean PYTHON = python3Runs();
    /** What "promptly" means here: the timeout or interrupt, the kill grace, and room for a loaded 2-core machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(8);

    @TempDir
    Path directory;

    @Test
    void printsRowsTypedByTheirColumnsWithNullsAndExactNumerics()
            throws IOException
    {
        requirePython();
        program("rows.py", """
                import sys
                day = sys.argv[1]
                print('{"game_date": "%s", "team": "BOS", "points": 112, "share": 0.25, "payout": 12345678901234567890.123456780,'
                      ' "home": true, "tipoff": "2024-11-01T19:30:00-04:00", "note": null}' % day)
                print()
                print('   ')
                print('{"game_date": "%s", "team": "", "points": "-7", "share": 3, "payout": "0.10", "home": false, "tipoff": "2024-11-01T23:30:00Z"}' % day)
                print('{"team": "NYK", "game_date": "%s"}' % day)
                """);
        List<Column> columns = List.of(
                Column.required("game_date", ColumnType.DATE),
                Column.required("team", ColumnType.STRING),
                Column.nullable("points", ColumnType.INT64),
                Column.nullable("share", ColumnType.FLOAT64),
                Column.nullable("payout", ColumnType.NUMERIC),
                Column.nullable("home", ColumnType.BOOL),
                Column.nullable("tipoff", ColumnType.TIMESTAMP),
                Column.nullable("note", ColumnType.STRING));

        CommandOutput output = runner().run(definition(List.of("python3", "rows.py", "{date}"), Duration.ofSeconds(30), columns), FIRST_ATTEMPT);

        Instant tipoff = Instant.parse("2024-11-01T23:30:00Z");
        assertThat(output.rows()).containsExactly(
                row(DAY, "BOS", 112L, 0.25, new BigDecimal("12345678901234567890.123456780"), true, tipoff, null),
                row(DAY, "", -7L, 3.0, new BigDecimal("0.100000000"), false, tipoff, null),
                row(DAY, "NYK", null, null, null, null, null, null));
        // exact: the scale the program wrote is kept, which BigDecimal.equals checks
        assertThat(output.rows().get(0).get("payout")).isNotEqualTo(new BigDecimal("12345678901234567890.12345678"));
        assertThat(output.rows().get(0).values().keySet()).containsExactly("game_date", "team", "points", "share", "payout", "home", "tipoff", "note");
    }

    @Test
    void theProgramGetsTheDateItsEnvironmentTheWorkingDirectoryAndAnEmptyStandardInput()
            throws IOException
    {
        requirePython();
        program("context.py", """
                import json, os, sys
                print(json.dumps({
                    "argv": " ".join(sys.argv[1:]),
                    "table": os.environ["BACKFILL_TABLE"],
                    "date": os.environ["BACKFILL_DATE"],
                    "attempt": os.environ["BACKFILL_ATTEMPT"],
                    "run_id": os.environ["BACKFILL_RUN_ID"],
                    "inherited": os.environ.get("HOME"),
                    "directory": os.getcwd(),
                    "stdin": sys.stdin.read(),
                }))
                """);
        List<Column> columns = List.of(Column.required("argv", ColumnType.STRING), Column.required("table", ColumnType.STRING),
                Column.required("date", ColumnType.DATE), Column.required("attempt", ColumnType.INT64), Column.required("run_id", ColumnType.STRING),
                Column.nullable("inherited", ColumnType.STRING), Column.required("directory", ColumnType.STRING), Column.required("stdin", ColumnType.STRING));

        Row row = runner().run(definition(List.of("python3", "context.py", "--date", "{date}", "--window={date}/{date}"), Duration.ofSeconds(30), columns),
                new CommandInvocation(DAY, 3, "run-42")).rows().get(0);

        assertThat(row.getString("argv")).isEqualTo("--date 2024-11-01 --window=2024-11-01/2024-11-01");
        assertThat(row.getString("table")).isEqualTo("team_points");
        assertThat(row.getDate("date")).isEqualTo(DAY);
        assertThat(row.getLong("attempt")).isEqualTo(3L);
        assertThat(row.getString("run_id")).isEqualTo("run-42");
        assertThat(row.getString("inherited")).isEqualTo(System.getenv("HOME"));
        assertThat(Path.of(row.getString("directory")).toRealPath()).isEqualTo(directory.toRealPath());
        assertThat(row.getString("stdin")).isEmpty();
    }

    @Test
    void exit75IsATransientFailureThatSaysWhatTheProgramWroteToStandardError()
    {
        FleetException failure = failure(runner(), shell("echo '{\"team\": \"BOS\"}'; echo 'the scoreboard API answered 503' >&2; exit 75", Duration.ofSeconds(30)));

        assertThat(failure.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failure.getMessage()).startsWith("team_points 2024-11-01: the command exited 75 (temporary failure, retried)")
                .endsWith("its standard error:\nthe scoreboard API answered 503");
    }

    @Test
    void anyOtherExitIsPermanentWithTheLastLinesOfStandardError()
            throws IOException
    {
        requirePython();
        program("fails.py", """
                import sys
                print('{"team": "BOS"}')
                for line in range(1, 31):
                    print("traceback line %d" % line, file=sys.stderr)
                sys.exit(1)
                """);

        FleetException failure = failure(runner(), definition(List.of("python3", "fails.py"), Duration.ofSeconds(30), POINTS));

        assertThat(failure.errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(failure.getMessage()).startsWith("team_points 2024-11-01: the command exited 1; the last 20 of its 30 lines of standard error:\n"
                + "traceback line 11\n").endsWith("traceback line 30").doesNotContain("traceback line 10\n");
        assertThat(failure(runner(), shell("exit 3", Duration.ofSeconds(30))).getMessage())
                .isEqualTo("team_points 2024-11-01: the command exited 3; it wrote nothing to standard error");
    }

    static Stream<Arguments> badRows()
    {
        return Stream.of(
                Arguments.of("{\"team\": \"BOS\", \"points\": \"x\"}", "stdout line 3: column 'points': 'x' is not a whole number (INT64)"),
                Arguments.of("{\"team\": \"BOS\", \"points\": 1.5}", "stdout line 3: column 'points': 1.5 is not an INT64 (a JSON integer, or a string of digits)"),
                Arguments.of("{\"team\": 7}", "stdout line 3: column 'team': 7 is not a STRING (a JSON string); quote it"),
                Arguments.of("{\"team\": \"BOS\", \"rebounds\": 3}", "stdout line 3: unknown column 'rebounds'; team_points has team, points"),
                Arguments.of("{\"points\": 3}", "stdout line 3: column 'team' is required but missing"),
                Arguments.of("{\"team\": null}", "stdout line 3: column 'team': is required but null"),
                Arguments.of("{\"team\": \"BOS\", \"points\": 3", "stdout line 3: not JSON: Unexpected end-of-input"),
                Arguments.of("{\"team\": \"BOS\"} {\"team\": \"NYK\"}", "stdout line 3: not JSON: Trailing token"),
                Arguments.of("{\"team\": \"BOS\", \"team\": \"NYK\"}", "stdout line 3: not JSON: Duplicate field 'team'"),
                Arguments.of("[\"BOS\", 3]", "stdout line 3: expected a JSON object of column values, got [\"BOS\",3]"));
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void aRowThatDoesNotFitTheColumnsFailsTheDateNamingTheLineAndColumn(String badLine, String problem)
    {
        // good rows around the bad one: none of them may come back
        CommandDefinition printsLines = definition(List.of("/bin/sh", "-c", "printf '%s\\n' \"$@\"", "sh",
                "{\"team\": \"BOS\", \"points\": 1}", "", badLine, "{\"team\": \"NYK\", \"points\": 2}"), Duration.ofSeconds(30), POINTS);

        FleetException failure = failure(runner(), printsLines);

        assertThat(failure.errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(failure.getMessage()).startsWith("team_points 2024-11-01: the command's output does not fit the table's columns, so nothing is written: ")
                .contains(problem);
    }

    @Test
    void aProgramThatHangsIsKilledAtItsTimeoutWithTheChildItForked()
    {
        CommandDefinition hangs = shell("sleep 600 & echo $! > child.pid; echo $$ > program.pid; sleep 600", Duration.ofSeconds(2));
        long started = System.nanoTime();

        FleetException failure = failure(runner(), hangs);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        assertThat(failure.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failure.getMessage()).startsWith("team_points 2024-11-01: the command passed its timeout of 2 s and was killed");
        assertNotAlive(pid("program.pid"), pid("child.pid"));
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilledAfterTheGrace()
    {
        CommandDefinition stubborn = shell("trap '' TERM; sleep 600 & echo $! > child.pid; echo $$ > program.pid; wait", Duration.ofSeconds(1));

        FleetException failure = failure(new CommandRunner(directory, Duration.ofMillis(300), Map.of()), stubborn);

        assertThat(failure.getMessage()).contains("passed its timeout of 1 s");
        assertNotAlive(pid("program.pid"), pid("child.pid"));
    }

    @Test
    void whatAProgramLeavesRunningWhenItExitsIsKilledAndItsRowsReturned()
    {
        // the background sleep leaves the program's tree when the shell exits: it is found by the marker in its environment
        CommandDefinition leaves = shell("sleep 600 & echo $! > child.pid; echo '{\"team\": \"BOS\", \"points\": 1}'", Duration.ofSeconds(30));

        CommandOutput output = runner().run(leaves, FIRST_ATTEMPT);

        assertThat(output.rows()).containsExactly(Row.builder().set("team", "BOS").set("points", 1L).build());
        assertNotAlive(pid("child.pid"));
    }

    @Test
    void anInterruptOfTheCallingThreadKillsTheProgramAndItsChildrenAndKeepsTheInterrupt()
            throws InterruptedException
    {
        CommandDefinition hangs = shell("sleep 600 & echo $! > child.pid; echo $$ > program.pid; sleep 600", Duration.ofSeconds(60));
        AtomicReference<FleetException> failure = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                runner().run(hangs, FIRST_ATTEMPT);
            }
            catch (FleetException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        Eventually.await("the program and its child to start", PROMPTLY, () -> Files.exists(directory.resolve("program.pid")));
        long interrupted = System.nanoTime();

        caller.interrupt();
        caller.join(PROMPTLY.toMillis());

        assertThat(caller.isAlive()).as("the call ended").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(PROMPTLY);
        assertThat(failure.get().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
        assertThat(failure.get().getMessage()).contains("interrupted");
        assertThat(stillInterrupted).as("the interrupt status is kept for the retry policy and the runner").isTrue();
        assertNotAlive(pid("program.pid"), pid("child.pid"));
    }

    @Test
    void megabytesOnStandardErrorDoNotDeadlockAndOnlyTheTailIsKept()
            throws IOException
    {
        requirePython();
        program("chatty.py", """
                import sys
                for line in range(100000):
                    sys.stderr.write("progress %06d %s\\n" % (line, "." * 64))
                sys.stderr.write("x" * 1000000)
                sys.stderr.write("\\nlast words\\n")
                for team in range(2000):
                    print('{"team": "T%d", "points": %d}' % (team, team))
                sys.exit(2)
                """);

        FleetException failure = failure(runner(), definition(List.of("python3", "chatty.py"), Duration.ofSeconds(60), POINTS));

        assertThat(failure.getMessage()).contains("exited 2").endsWith("last words").hasSizeLessThan(5000);
        assertThat(runner().run(definition(List.of("/bin/sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' 'e' >&2; echo '{\"team\": \"BOS\"}'"),
                Duration.ofSeconds(60), POINTS), FIRST_ATTEMPT).rows()).hasSize(1);
    }

    @Test
    void aProgramThatCannotBeStartedIsAPermanentFailureNamingItAndTheWorkingDirectory()
            throws IOException
    {
        FleetException notFound = failure(runner(), definition(List.of("no-such-program-of-ours", "{date}"), Duration.ofSeconds(30), POINTS));
        assertThat(notFound.errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(notFound.getMessage()).startsWith("team_points 2024-11-01: cannot start no-such-program-of-ours in working directory " + directory + ": error=2, No such file or directory");

        Files.writeString(directory.resolve("points.sh"), "#!/bin/sh\necho '{}'\n");
        FleetException notExecutable = failure(runner(), definition(List.of("./points.sh"), Duration.ofSeconds(30), POINTS));
        assertThat(notExecutable.errorClass()).isEqualTo(ErrorClass.PERMANENT);
        assertThat(notExecutable.getMessage()).contains("cannot start ./points.sh in working directory " + directory).contains("Permission denied");

        FleetException noDirectory = failure(new CommandRunner(directory.resolve("absent")), definition(List.of("./points.sh"), Duration.ofSeconds(30), POINTS));
        assertThat(noDirectory.getMessage()).isEqualTo("team_points 2024-11-01: cannot start ./points.sh: its working directory " + directory.resolve("absent") + " does not exist");
    }

    private CommandRunner runner()
    {
        return new CommandRunner(directory, Duration.ofMillis(500), Map.of());
    }

    private static CommandDefinition definition(List<String> argv, Duration timeout, List<Column> columns)
    {
        return new CommandDefinition("team_points", argv, timeout, columns);
    }

    private static CommandDefinition shell(String script, Duration timeout)
    {
        return definition(List.of("/bin/sh", "-c", script), timeout, POINTS);
    }

    private static FleetException failure(CommandRunner runner, CommandDefinition definition)
    {
        FleetException failure = catchThrowableOfType(() -> runner.run(definition, FIRST_ATTEMPT), FleetException.class);
        assertThat(failure).as("the run fails").isNotNull();
        return failure;
    }

    private void program(String name, String source)
            throws IOException
    {
        Files.writeString(directory.resolve(name), source);
    }

    private long pid(String file)
    {
        try {
            return Long.parseLong(Files.readString(directory.resolve(file)).trim());
        }
        catch (IOException e) {
            throw new AssertionError("the program did not write " + file + " before it was stopped", e);
        }
    }

    /** Each process is gone, or a zombie waiting for init to reap it (which runs nothing and holds nothing open). */
    private static void assertNotAlive(long... pids)
    {
        List<Long> alive = new ArrayList<>();
        for (long pid : pids) {
            if (!state(pid).equals("gone") && !state(pid).equals("Z")) {
                alive.add(pid);
            }
        }
        alive.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)); // leave nothing behind, even failing
        assertThat(alive).as("processes left running").isEmpty();
    }

    private static String state(long pid)
    {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        }
        catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? "alive" : "gone";
        }
    }

    private static Row row(LocalDate gameDate, String team, Long points, Double share, BigDecimal payout, Boolean home, Instant tipoff, String note)
    {
        return Row.builder().set("game_date", gameDate).set("team", team).set("points", points).set("share", share).set("payout", payout)
                .set("home", home).set("tipoff", tipoff).set("note", note).build();
    }

    private static void requirePython()
    {
        assumeTrue(PYTHON, "python3 is not on this machine's PATH: this test of a Python program is skipped");
    }

    private static boolean python3Runs()
    {
        try {
            Process python = new ProcessBuilder("python3", "-c", "pass").redirectErrorStream(true).start();
            python.getInputStream().readAllBytes();
            return python.waitFor(30, TimeUnit.SECONDS) && python.exitValue() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
