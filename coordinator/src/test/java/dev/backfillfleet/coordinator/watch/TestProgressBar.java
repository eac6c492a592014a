package dev.backfillfleet.coordinator.watch;

import dev.backfillfleet.coordinator.StateCounts;
import dev.backfillfleet.coordinator.output.Terminal;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestProgressBar
{
    @Test
    void allocatesByLargestRemainderAndFillsTheWidth()
    {
        assertThat(ProgressBar.allocate(new long[] {12, 4, 2, 4, 9}, 30)).containsExactly(11, 4, 2, 4, 9);
        assertThat(ProgressBar.allocate(new long[] {1, 0, 0, 0, 0}, 30)).containsExactly(30, 0, 0, 0, 0);
        assertThat(ProgressBar.allocate(new long[] {0, 0, 0, 0, 0}, 10)).containsExactly(0, 0, 0, 0, 10);
    }

    @Test
    void oneFailureAmongThousandsStillShows()
    {
        int[] cells = ProgressBar.allocate(new long[] {4999, 1, 0, 0, 0}, 30);
        assertThat(cells).containsExactly(29, 1, 0, 0, 0);
    }

    @Test
    void plainBarUsesOneSymbolPerKind()
    {
        StateCounts counts = new StateCounts(AnalyticsTable.SYNTHETIC, Map.of(
                DateState.SUCCEEDED, 3L, DateState.NO_GAMES, 1L, DateState.FAILED, 2L, DateState.RUNNING, 1L, DateState.QUEUED, 1L, DateState.PENDING, 2L));
        assertThat(ProgressBar.render(counts, 10, Terminal.plain()).text()).isEqualTo("[####xx>-..]");
    }

    @Test
    void colouredBarUsesBlocksAndEscapeCodes()
    {
        StateCounts counts = new StateCounts(AnalyticsTable.SYNTHETIC, Map.of(DateState.SUCCEEDED, 1L, DateState.PENDING, 1L));
        Terminal terminal = new Terminal(true, true, true);
        assertThat(ProgressBar.render(counts, 4, terminal).text()).isEqualTo("[\u2588\u2588\u2591\u2591]");
        assertThat(ProgressBar.render(counts, 4, terminal).render(terminal.style())).contains("\u001b[32m\u2588\u2588\u001b[0m");
    }
}
