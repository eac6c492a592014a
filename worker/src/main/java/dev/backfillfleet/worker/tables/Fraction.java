package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import static java.util.Objects.requireNonNull;

/**
 * An exact rational number. Every derived column is computed as one from its inputs (integers,
 * and decimals read back exactly) and rounded once, half-up, when it is stored: no binary
 * floating point on the way, so 19200 / 614.4 is exactly 31.25 and rounds to 31.3.
 * Kept in lowest terms with a positive denominator, so equal values are equal records.
 */
public record Fraction(BigInteger numerator, BigInteger denominator)
        implements Comparable<Fraction>
{
    public static final Fraction ZERO = of(0);
    public static final Fraction ONE = of(1);

    public Fraction
    {
        requireNonNull(numerator, "numerator is null");
        requireNonNull(denominator, "denominator is null");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger divisor = numerator.gcd(denominator);
        if (!divisor.equals(BigInteger.ONE)) {
            numerator = numerator.divide(divisor);
            denominator = denominator.divide(divisor);
        }
    }

    public static Fraction of(long value)
    {
        return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Fraction of(long numerator, long denominator)
    {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Fraction of(BigDecimal value)
    {
        if (value.scale() <= 0) {
            return new Fraction(value.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    /** A decimal literal, e.g. {@code "0.44"}. */
    public static Fraction parse(String decimal)
    {
        return of(new BigDecimal(decimal));
    }

    /**
     * A raw FLOAT64 input (a points line, a spread) as the decimal it was written as: the shortest
     * decimal that reads back as this double (2.5, not 2.5000000000000000000001).
     */
    public static Fraction ofDecimal(double value)
    {
        return of(BigDecimal.valueOf(value));
    }

    /**
     * A column stored at {@code decimals} decimals, read back: the double nearest to that decimal
     * is within half a unit of its last place, so rounding it to the scale recovers the decimal.
     */
    public static Fraction ofStored(double value, int decimals)
    {
        // fast path: when the shortest decimal that reads back as this double has at most
        // `decimals` decimals and the double's spacing is below a quarter unit of that scale, the
        // exact binary value lies within a quarter unit of that decimal, so rounding the exact
        // value (the slow path, a 50-digit expansion) gives that decimal too
        BigDecimal shortest = BigDecimal.valueOf(value);
        if (shortest.scale() <= decimals && Math.ulp(value) < 0.25 * Math.pow(10, -decimals)) {
            return of(shortest);
        }
        return of(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN));
    }

    public Fraction plus(Fraction other)
    {
        return new Fraction(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)), denominator.multiply(other.denominator));
    }

    public Fraction plus(long other)
    {
        return plus(of(other));
    }

    public Fraction minus(Fraction other)
    {
        return plus(other.negate());
    }

    public Fraction negate()
    {
        return new Fraction(numerator.negate(), denominator);
    }

    public Fraction times(Fraction other)
    {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction times(long factor)
    {
        return times(of(factor));
    }

    /** {@code this / divisor}; an {@link ArithmeticException} when the divisor is zero (see {@link Rounding#ratio}). */
    public Fraction dividedBy(Fraction divisor)
    {
        return new Fraction(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
    }

    public Fraction dividedBy(long divisor)
    {
        return dividedBy(of(divisor));
    }

    public boolean isZero()
    {
        return numerator.signum() == 0;
    }

    public int signum()
    {
        return numerator.signum();
    }

    /**
     * Rounded half-up at {@code decimals} decimals: the exact quotient, rounded once. A tie goes away
     * from zero (-2.25 is -2.3), as BigDecimal's HALF_UP and BigQuery's ROUND do.
     */
    public BigDecimal roundHalfUp(int decimals)
    {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), decimals, RoundingMode.HALF_UP);
    }

    /**
     * The square root of this (non-negative) number, rounded half-up at {@code decimals} decimals,
     * with integer arithmetic only, so no digit is ever approximated. With r = sqrt(this) x 10^d,
     * the result is floor(r + 1/2) = floor((floor(2r) + 1) / 2), and floor(2r) is the integer
     * square root of floor(4 x 10^(2d) x this) (floor(sqrt(x)) = isqrt(floor(x)) for any x >= 0).
     */
    public BigDecimal sqrtRoundHalfUp(int decimals)
    {
        if (signum() < 0) {
            throw new ArithmeticException("square root of a negative number: " + this);
        }
        BigInteger scaled = numerator.multiply(BigInteger.valueOf(4)).multiply(BigInteger.TEN.pow(2 * decimals)).divide(denominator);
        BigInteger twiceRoot = scaled.sqrt();
        return new BigDecimal(twiceRoot.add(BigInteger.ONE).shiftRight(1), decimals);
    }

    @Override
    public int compareTo(Fraction other)
    {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString()
    {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
