package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.provision.GeneratedFile;
import dev.backfillfleet.provision.PlannedChange.Action;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.Provisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "setup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Creates or checks what the Google Cloud adapters need: the Pub/Sub topics and subscriptions (with their retry and",
                "dead-letter policies), the BigQuery datasets and tables; lists the Firestore indexes that are missing with the",
                "command that creates them. Idempotent: a second run has nothing to do. Workers and the coordinator never create",
                "these themselves; they check at start-up and stop with the missing resource's name (exit 3).",
                "Needs admin roles (Pub/Sub Editor, BigQuery Data Owner); --dry-run needs only viewer roles."},
        footer = ExitCodes.HELP_FOOTER)
public final class SetupCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    private static final String FIRESTORE_INDEX_FILE = "firestore.indexes.json";

    @Option(names = "--dry-run", description = "Print the plan (what exists, what would be created, what differs); change nothing.")
    boolean dryRun;

    @Option(names = "--print-firestore-indexes", description = "Print the Firestore index file (firestore.indexes.json) and exit.")
    boolean printIndexes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Configuration config = backend.load();
        try (FleetConnection fleet = dryRun || printIndexes ? FleetConnection.readOnly(config) : FleetConnection.readWrite(config)) {
            if (printIndexes) {
                GeneratedFile indexes = fleet.contributions(GeneratedFile.class).stream()
                        .filter(file -> file.name().endsWith(FIRESTORE_INDEX_FILE))
                        .findFirst()
                        .orElseThrow();
                out.print(indexes.content().get());
                out.flush();
                return ExitCodes.SUCCESS;
            }
            List<Provisioner> provisioners = new ArrayList<>(fleet.provisioners());
            if (provisioners.isEmpty()) {
                out.println("Nothing to set up: every adapter is embedded (files under " + config.home().toAbsolutePath().normalize()
                        + " are created on first use).");
                return ExitCodes.SUCCESS;
            }
            provisioners.sort(Comparator.comparing(Provisioner::system));
            int changes = 0;
            int manual = 0;
            for (Provisioner provisioner : provisioners) {
                out.println(provisioner.system() + ":");
                for (PlannedChange change : provisioner.plan()) {
                    out.printf("  %-14s %s: %s%n", label(change.action(), dryRun), change.resource(), change.detail());
                    if (!dryRun) {
                        change.change().ifPresent(Runnable::run);
                    }
                    changes += change.change().isPresent() ? 1 : 0;
                    manual += change.action() == Action.MANUAL ? 1 : 0;
                }
            }
            out.println(summary(changes, manual, dryRun));
            return manual > 0 ? ExitCodes.FAILED : ExitCodes.SUCCESS;
        }
    }

    private static String label(Action action, boolean dryRun)
    {
        return switch (action) {
            case NONE -> "ok";
            case CREATE -> dryRun ? "would create" : "created";
            case UPDATE -> dryRun ? "would update" : "updated";
            case MANUAL -> "TO DO BY HAND";
        };
    }

    private static String summary(int changes, int manual, boolean dryRun)
    {
        String made = changes == 0 ? "Nothing to do" : (dryRun ? changes + " changes to make (run without --dry-run)" : changes + " changes made");
        return manual == 0 ? made + "." : made + "; " + manual + " to do by hand (the commands are above), then run setup again.";
    }
}
