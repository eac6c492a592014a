package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.output.LineForwardingStream;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** What run's redrawn block looks like when something else prints meanwhile: the line goes above, the block stays whole below. */
class TestRedrawingScreen
{
    private static final String ESCAPE = "\u001b[";

    @Test
    void aLinePrintedMeanwhileGoesAboveTheBlockWhichIsDrawnAgainBelowIt()
    {
        StringWriter written = new StringWriter();
        RedrawingScreen screen = new RedrawingScreen(new PrintWriter(written, true));
        screen.draw(List.of("Backfill progress", "synthetic [####------] 40%"), OptionalInt.of(80));
        int afterFirstFrame = written.toString().length();

        screen.printAbove("Seeding the demo league's nba_raw.nbac_schedule (first use)... 1.2 s");

        String update = written.toString().substring(afterFirstFrame);
        assertThat(update).as("up over the two lines, clear, the line, then the block again")
                .isEqualTo(ESCAPE + "2F" + ESCAPE + "J" + "Seeding the demo league's nba_raw.nbac_schedule (first use)... 1.2 s\n"
                        + "Backfill progress" + ESCAPE + "K\n" + "synthetic [####------] 40%" + ESCAPE + "K\n" + ESCAPE + "J");

        screen.draw(List.of("Backfill progress", "synthetic [#######---] 70%"), OptionalInt.of(80));
        assertThat(written.toString()).as("the next frame moves up over the block only, not over the line above it").endsWith(
                ESCAPE + "2F" + "Backfill progress" + ESCAPE + "K\n" + "synthetic [#######---] 70%" + ESCAPE + "K\n" + ESCAPE + "J");
    }

    @Test
    void writesToStandardErrorArriveAsWholeLines()
    {
        List<String> lines = new ArrayList<>();
        PrintStream err = new PrintStream(new LineForwardingStream(lines::add), true, StandardCharsets.UTF_8);
        err.printf("Seeding the demo league's %s into %s (first use)...", "nba_raw.nbac_schedule", "/home/.backfill");
        assertThat(lines).as("nothing until the line is complete").isEmpty();
        err.printf(" %.1f s%n", 1.2);
        err.println("12:00:01.123 WARN  [queue-handler-1] WorkItemRunner synthetic 2024-01-05 - transient failure");

        assertThat(lines).containsExactly(
                "Seeding the demo league's nba_raw.nbac_schedule into /home/.backfill (first use)... 1.2 s",
                "12:00:01.123 WARN  [queue-handler-1] WorkItemRunner synthetic 2024-01-05 - transient failure");
    }
}
