package dev.backfillfleet.coordinator.doctor;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;

import java.io.PrintWriter;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What the doctor found, printed one finding a line with its mend below, and the exit code it ends with. */
public record DoctorReport(String subject, List<Finding> findings, MendCommands mends)
{
    public DoctorReport
    {
        requireNonNull(subject, "subject is null");
        findings = List.copyOf(findings);
        requireNonNull(mends, "mends is null");
    }

    public long count(Finding.Verdict verdict)
    {
        return findings.stream().filter(finding -> finding.verdict() == verdict).count();
    }

    /** 0 all is well, 1 something is wrong (each with its mend), 3 something could not even be read. */
    public int exitCode()
    {
        if (count(Finding.Verdict.UNREADABLE) > 0) {
            return ExitCodes.ENVIRONMENT;
        }
        return count(Finding.Verdict.PROBLEM) > 0 ? ExitCodes.FAILED : ExitCodes.SUCCESS;
    }

    public void print(PrintWriter out)
    {
        out.println("Checked " + subject + ":");
        out.println();
        for (Finding finding : findings) {
            out.printf("  %-12s %s: %s%n", finding.verdict().label(), finding.subject(), finding.detail());
            finding.mend().ifPresent(mend -> out.printf("  %-12s mend: %s%n", "", mend));
        }
        out.println();
        long problems = count(Finding.Verdict.PROBLEM);
        long unreadable = count(Finding.Verdict.UNREADABLE);
        if (unreadable > 0) {
            out.println(unreadable + " check(s) could not read what they check (CANNOT CHECK above): fix that first, then " + mends.coordinator("doctor") + ".");
        }
        else if (problems > 0) {
            out.println(problems + " problem(s): run the mend below each, then " + mends.coordinator("doctor") + " again.");
        }
        else {
            out.println("All is well.");
        }
        out.flush();
    }
}
