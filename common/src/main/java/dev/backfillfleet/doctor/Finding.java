package dev.backfillfleet.doctor;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One thing the doctor looked at: what it is, what it found and, for a problem, the command
 * that mends it.
 *
 * @param subject what was checked, e.g. {@code state.db} or {@code synthetic: queued dates}
 * @param detail what was found
 * @param mend the command (or steps) that fix it
 */
public record Finding(Verdict verdict, String subject, String detail, Optional<String> mend)
{
    public Finding
    {
        requireNonNull(verdict, "verdict is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(mend, "mend is null");
    }

    public static Finding ok(String subject, String detail)
    {
        return new Finding(Verdict.OK, subject, detail, Optional.empty());
    }

    /** Worth knowing, not wrong: something that cannot be checked here, or was skipped. */
    public static Finding note(String subject, String detail, Optional<String> mend)
    {
        return new Finding(Verdict.NOTE, subject, detail, mend);
    }

    public static Finding problem(String subject, String detail, String mend)
    {
        return new Finding(Verdict.PROBLEM, subject, detail, Optional.of(mend));
    }

    /** The check could not even read what it checks (a backend out of reach, no credentials). */
    public static Finding unreadable(String subject, String detail)
    {
        return new Finding(Verdict.UNREADABLE, subject, detail, Optional.empty());
    }

    public enum Verdict
    {
        OK("ok"),
        NOTE("note"),
        PROBLEM("PROBLEM"),
        UNREADABLE("CANNOT CHECK");

        private final String label;

        Verdict(String label)
        {
            this.label = label;
        }

        public String label()
        {
            return label;
        }
    }
}
