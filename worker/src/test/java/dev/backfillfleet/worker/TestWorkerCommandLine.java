package dev.backfillfleet.worker;

import dev.backfillfleet.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker's command line: its help lists what matters, and a bad option is one line with the fix. */
class TestWorkerCommandLine
{
    @TempDir
    Path home;

    @Test
    void helpListsTheExitCodesTheEndpointsAndTheLogFormat()
    {
        StringWriter text = new StringWriter();
        new CommandLine(new WorkerMain()).usage(new PrintWriter(text));
        assertThat(text.toString()).contains("Exit codes: 0 success").contains("--http-port").contains("--log-format");
    }

    @Test
    void anUnknownLogFormatIsRefused()
    {
        StringWriter err = new StringWriter();
        CommandLine worker = ExitCodes.configure(new CommandLine(new WorkerMain()));
        worker.setErr(new PrintWriter(err, true));
        assertThat(worker.execute("--log-format", "yaml", "--home", home.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown log format 'yaml': use plain or json");
    }
}
