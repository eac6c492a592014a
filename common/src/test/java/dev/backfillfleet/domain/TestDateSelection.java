package dev.backfillfleet.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDateSelection
{
    @Test
    void rangeIncludesBothEnds()
    {
        DateSelection selection = DateSelection.parse("2021-10-19..2021-10-21");
        assertThat(selection.asList()).containsExactly(LocalDate.parse("2021-10-19"), LocalDate.parse("2021-10-20"), LocalDate.parse("2021-10-21"));
        assertThat(DateSelection.parse("2021-10-19..2026-01-03").size()).isEqualTo(1538);
    }

    @Test
    void singleDatesAndCommaListsOfDatesAndRanges()
    {
        assertThat(DateSelection.parse("2024-11-01").asList()).containsExactly(LocalDate.parse("2024-11-01"));
        assertThat(DateSelection.parse("2024-11-05, 2024-11-01..2024-11-02,2024-11-01").asList())
                .containsExactly(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-02"), LocalDate.parse("2024-11-05"));
    }

    @Test
    void malformedInputSaysWhichPartIsWrong()
    {
        assertUserError("2024-13-01", "month 13");
        assertUserError("2024-02-30", "day 30 does not exist in 2024-02");
        assertUserError("2024-1-01", "expected YYYY-MM-DD");
        assertUserError("2024-11-01..2024-10-01", "ends before it starts");
        assertUserError("2024-11-01..nope", "range end 'nope'");
        assertUserError("2024-xx-01", "month 'xx' is not a number");
        assertUserError("2024-11-01,,2024-11-02", "empty entry");
    }

    private static void assertUserError(String text, String message)
    {
        assertThatThrownBy(() -> DateSelection.parse(text))
                .isInstanceOfSatisfying(FleetException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.USER))
                .hasMessageContaining(message);
    }
}
