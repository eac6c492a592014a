package dev.backfillfleet.worker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestShutdownBudget
{
    @Test
    void cloudRunsTenSecondsAreSplitSoThatTheProcessIsGoneBeforeTheKill()
    {
        ShutdownBudget budget = ShutdownBudget.of(Duration.ofSeconds(ShutdownBudget.DEFAULT_PLATFORM_GRACE_SECONDS));

        assertThat(budget.finishWithin()).isEqualTo(Duration.ofMillis(5_500));
        assertThat(budget.givenBackWithin()).isEqualTo(Duration.ofMillis(7_500));
        assertThat(budget.exitWithin()).isEqualTo(Duration.ofMillis(9_500)).isLessThan(Duration.ofSeconds(10));
        assertThat(budget.givenBackWithin().plus(ShutdownBudget.CLOSE)).isEqualTo(budget.exitWithin());
    }

    @Test
    void aShorterGraceLeavesTheRestToGiveBackAndClose()
    {
        ShutdownBudget budget = new ShutdownBudget(Duration.ofSeconds(40), Optional.of(Duration.ofSeconds(1)));

        assertThat(budget.finishWithin()).isEqualTo(Duration.ofSeconds(1));
        assertThat(budget.givenBackWithin()).isEqualTo(Duration.ofSeconds(3));
        assertThat(budget.exitWithin()).isEqualTo(Duration.ofMillis(39_500));
    }

    @Test
    void aGraceThatLeavesNoTimeToGiveBackAndCloseIsRefused()
    {
        assertThatThrownBy(() -> new ShutdownBudget(Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(8))))
                .hasMessage("the grace must be 0-5.5 s within a platform grace of 10 s, not 8 s (the rest gives back and closes)");
        assertThatThrownBy(() -> ShutdownBudget.of(Duration.ofSeconds(5)))
                .hasMessageStartingWith("the platform's grace must be at least 6 s, not 5 s");
    }
}
