package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.coordinator.output.TerminalWidth;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class TestWatchFrame
{
    private static final List<TableProgress> PROGRESS = List.of(
            new TableProgress(new StateCounts(AnalyticsTable.TEAM_OFFENSE, Map.of(DateState.SUCCEEDED, 1200L, DateState.FAILED, 3L, DateState.QUEUED, 335L)),
                    Optional.of(212.0), Optional.of(Duration.ofSeconds(95))),
            new TableProgress(new StateCounts(AnalyticsTable.SYNTHETIC, Map.of(DateState.RUNNING, 8L, DateState.QUEUED, 92L)),
                    Optional.empty(), Optional.empty()));

    @Test
    void terminalBlockIsAnAlignedColouredTable()
    {
        List<String> lines = new WatchFrame(new Terminal(true, true, true), Optional.empty(), BuiltInTables.catalog()).block(PROGRESS, LocalTime.of(12, 3, 4), "every 2s", OptionalInt.empty());

        assertThat(lines.get(0)).contains("Backfill progress").contains("12:03:04").contains("every 2s");
        List<String> visible = lines.stream().map(line -> line.replaceAll("\u001b\\[[0-9;]*m", "")).toList();
        assertThat(visible.get(2)).startsWith("table         progress");
        assertThat(visible.get(3)).startsWith("team_offense  [").contains(" 78%").contains("1200/1538").contains("212/min").contains("1m35s");
        assertThat(visible.get(4)).startsWith("synthetic     [").contains("0/100").contains("--/min");
        assertThat(visible.get(3).indexOf("/min")).as("columns aligned").isEqualTo(visible.get(4).indexOf("/min"));
        assertThat(lines.get(3)).contains("\u001b[31m");
    }

    @Test
    void narrowsTheBarToFitTheTerminal()
    {
        WatchFrame frame = new WatchFrame(new Terminal(true, true, true), Optional.empty(), BuiltInTables.catalog());
        int wide = frame.block(PROGRESS, LocalTime.NOON, "every 2s", OptionalInt.empty()).stream().mapToInt(TerminalWidth::visibleLength).max().orElseThrow();

        List<String> narrow = frame.block(PROGRESS, LocalTime.NOON, "every 2s", OptionalInt.of(wide - 10));

        assertThat(narrow.subList(2, narrow.size())).allSatisfy(line -> assertThat(TerminalWidth.visibleLength(line)).isLessThanOrEqualTo(wide - 10));
    }
}
