package dev.backfillfleet.worker.tables;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFraction
{
    @Test
    void arithmeticIsExactAndInLowestTerms()
    {
        Fraction third = Fraction.of(1, 3);
        assertThat(third.plus(third).plus(third)).isEqualTo(Fraction.ONE);
        assertThat(Fraction.of(6, -4)).isEqualTo(Fraction.of(-3, 2));
        assertThat(Fraction.parse("0.44").times(22)).isEqualTo(Fraction.parse("9.68"));
        // on doubles, 6 x (80 + 0.44 x 10 + 18) is 614.4000000000001
        assertThat(Fraction.of(6).times(Fraction.of(80).plus(Fraction.parse("0.44").times(10)).plus(18))).isEqualTo(Fraction.parse("614.4"));
        assertThat(Fraction.of(19200).dividedBy(Fraction.parse("614.4"))).isEqualTo(Fraction.parse("31.25"));
        assertThat(Fraction.of(2).compareTo(Fraction.of(19, 10))).isPositive();
        assertThatThrownBy(() -> Fraction.ONE.dividedBy(Fraction.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void roundsHalfUpOnceWithTiesAwayFromZero()
    {
        assertThat(Fraction.parse("31.25").roundHalfUp(1)).isEqualByComparingTo("31.3");
        assertThat(Fraction.parse("31.2499999999").roundHalfUp(1)).isEqualByComparingTo("31.2");
        assertThat(Fraction.parse("-3.375").roundHalfUp(2)).isEqualByComparingTo("-3.38");
        assertThat(Fraction.of(2, 3).roundHalfUp(3)).isEqualByComparingTo("0.667");
        assertThat(Fraction.of(5).roundHalfUp(2)).isEqualByComparingTo("5.00");
    }

    @Test
    void readsStoredAndRawDoublesBackAsTheirDecimals()
    {
        assertThat(Fraction.ofStored(110.1 + 0.01 - 0.01, 2)).isEqualTo(Fraction.parse("110.1"));
        assertThat(Fraction.ofStored(0.1 + 0.2, 1)).isEqualTo(Fraction.parse("0.3"));
        assertThat(Fraction.ofDecimal(209.29)).isEqualTo(Fraction.parse("209.29"));
        assertThat(Fraction.ofDecimal(-6.5)).isEqualTo(Fraction.of(-13, 2));
    }

    @Test
    void squareRootsRoundHalfUpExactly()
    {
        assertThat(Fraction.of(0).sqrtRoundHalfUp(2)).isEqualByComparingTo("0.00");
        assertThat(Fraction.of(2).sqrtRoundHalfUp(3)).isEqualByComparingTo("1.414");
        // exactly on a half: sqrt(81/64) = 1.125 -> 1.13, sqrt(2.25) = 1.5 -> 2, sqrt(0.000025) = 0.005 -> 0.01
        assertThat(Fraction.of(81, 64).sqrtRoundHalfUp(2)).isEqualByComparingTo("1.13");
        assertThat(Fraction.parse("2.25").sqrtRoundHalfUp(0)).isEqualByComparingTo("2");
        assertThat(Fraction.parse("0.000025").sqrtRoundHalfUp(2)).isEqualByComparingTo("0.01");
        // just below a half stays down: sqrt(1.265624) = 1.1249995...
        assertThat(Fraction.parse("1.265624").sqrtRoundHalfUp(2)).isEqualByComparingTo("1.12");
        assertThatThrownBy(() -> Fraction.of(-1).sqrtRoundHalfUp(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void squareRootsAgreeWithAHighPrecisionSquareRoot()
    {
        SplittableRandom random = new SplittableRandom(13);
        MathContext generous = new MathContext(60);
        for (int sample = 0; sample < 20_000; sample++) {
            Fraction value = Fraction.of(random.nextLong(0, 10_000_000), random.nextLong(1, 100_000));
            int decimals = random.nextInt(0, 5);
            BigDecimal root = new BigDecimal(value.numerator()).divide(new BigDecimal(value.denominator()), generous).sqrt(generous);
            assertThat(value.sqrtRoundHalfUp(decimals)).as("sqrt(%s) at %d decimals", value, decimals)
                    .isEqualByComparingTo(root.setScale(decimals, RoundingMode.HALF_UP));
        }
    }

    @Test
    void storedValueIsTheExactDoubleRoundedAtItsScaleWhateverPathIsTaken()
    {
        SplittableRandom random = new SplittableRandom(20261201);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(0, 5);
            double value = switch (i % 4) {
                // written at its scale, as the warehouse stores it
                case 0 -> BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000), decimals).doubleValue();
                // off its scale: ties and near-ties of the exact binary value
                case 1 -> BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000) * 10 + 5, decimals + 1).doubleValue();
                case 2 -> random.nextDouble(-1e6, 1e6);
                // so large that the double's spacing is coarser than the scale
                default -> random.nextDouble(-1e17, 1e17);
            };
            Fraction expected = Fraction.of(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN));
            assertThat(Fraction.ofStored(value, decimals)).as("%s at %d decimals", value, decimals).isEqualTo(expected);
        }
    }
}
