package dev.backfillfleet.coverage;

import dev.backfillfleet.domain.DateRange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCoveredDates
{
    @Test
    void mergesOverlappingAndAdjacentRecords()
    {
        CoveredDates covered = CoveredDates.of(List.of(range("2024-11-05..2024-11-09"), range("2024-10-01..2024-10-31"),
                range("2024-11-01..2024-11-02"), range("2024-11-07..2024-11-20")));
        assertThat(covered.ranges()).containsExactly(range("2024-10-01..2024-11-02"), range("2024-11-05..2024-11-20"));
        assertThat(covered.covers(LocalDate.parse("2024-11-02"))).isTrue();
        assertThat(covered.covers(LocalDate.parse("2024-11-03"))).isFalse();
    }

    @Test
    void listsTheUncoveredRunsOfAWindow()
    {
        CoveredDates covered = CoveredDates.of(List.of(range("2024-10-22..2024-10-22"), range("2024-10-24..2024-10-25"), range("2024-11-10..2024-12-31")));
        assertThat(covered.uncovered(range("2024-10-01..2024-11-14")))
                .containsExactly(range("2024-10-01..2024-10-21"), range("2024-10-23..2024-10-23"), range("2024-10-26..2024-11-09"));
        assertThat(covered.uncovered(range("2024-11-10..2024-11-14"))).isEmpty();
        assertThat(covered.uncovered(range("2025-01-01..2025-01-02"))).containsExactly(range("2025-01-01..2025-01-02"));
        assertThat(CoveredDates.of(List.of()).uncovered(range("2024-10-01..2024-10-03"))).containsExactly(range("2024-10-01..2024-10-03"));
    }

    private static DateRange range(String text)
    {
        String[] ends = text.split("\\.\\.");
        return DateRange.of(LocalDate.parse(ends[0]), LocalDate.parse(ends[1]));
    }
}
