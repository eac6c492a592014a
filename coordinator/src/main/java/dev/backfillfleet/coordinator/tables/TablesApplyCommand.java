package dev.backfillfleet.coordinator.tables;

import dev.backfillfleet.catalog.CatalogChanges;
import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.CatalogFile;
import dev.backfillfleet.catalog.CatalogFileParser;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.command.RunRecords;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.PlannedChange.Action;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Checks a catalog file and records it as the next catalog version: names and types, upstream tables and cycles,",
                "and every SQL compiled by the warehouse in use with its columns held against the table's. The file is the whole",
                "set of your tables: one it no longer names is removed. Prints what changed per table; a changed table's done",
                "dates become STALE. On BigQuery, missing tables are created as 'setup' creates them. Nothing is written when",
                "anything is wrong."},
        footer = ExitCodes.HELP_FOOTER)
public final class TablesApplyCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "The catalog file (YAML).")
    Path file;

    @Option(names = "--dry-run", description = "Check the file and print what would change; write nothing anywhere.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        CatalogFile parsed = CatalogFileParser.parse(file.toString(), read(file));
        Configuration config = backend.load();
        CatalogChanges changes;
        // every check through a reader: a file that is refused changes nothing anywhere
        try (FleetConnection reader = FleetConnection.readOnly(config)) {
            changes = reader.catalogs().plan(parsed);
            reader.catalogs().preview(changes.after());
            CatalogSqlCheck.check(changes, reader.warehouse(), parsed.lines());
            printChanges(out, changes);
            if (dryRun) {
                List<PlannedChange> tables = tableChanges(reader.provisioners(), changes);
                tables.forEach(change -> out.printf("  %-14s %s: %s%n", change.change().isPresent() ? "would create" : "ok", change.resource(), change.detail()));
                out.println("Dry run: nothing is written.");
                out.flush();
                return ExitCodes.SUCCESS;
            }
        }
        if (!changes.changesAnything()) {
            out.printf("Nothing to apply: catalog version %d already holds these definitions.%n", changes.before().version());
            out.flush();
            return ExitCodes.SUCCESS;
        }
        try (FleetConnection fleet = FleetConnection.readWrite(config)) {
            fleet.checkReady(ProcessRole.COORDINATOR);
            fleet.catalogs().record(changes, RunRecords.operator());
            for (PlannedChange change : tableChanges(fleet.provisioners(), changes)) {
                change.change().ifPresent(Runnable::run);
                out.printf("  %-14s %s: %s%n", change.change().isPresent() ? "created" : "ok", change.resource(), change.detail());
            }
            out.printf("Recorded catalog version %d. Workers compute with it within a few seconds.%n", changes.after().version());
            if (changes.changes().stream().anyMatch(change -> change.change() == CatalogChanges.Change.CHANGED)) {
                out.println("Done dates of a changed table are STALE: 'coordinator status --stale' lists them, 'coordinator enqueue --stale --table T' computes them again.");
            }
            out.flush();
            return ExitCodes.SUCCESS;
        }
    }

    private static String read(Path file)
    {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw FleetException.userError("cannot read " + file + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static void printChanges(PrintWriter out, CatalogChanges changes)
    {
        out.printf("%s: catalog version %d -> %d%n", changes.source(), changes.before().version(), changes.after().version());
        for (CatalogChanges.TableChange change : changes.changes()) {
            String kind = change.after().or(change::before).map(entry -> entry.definition().kind().label()).orElse("");
            String detail = switch (change.change()) {
                case ADDED -> "added (" + kind + "), version " + change.after().map(CatalogEntry::version).orElseThrow();
                case CHANGED -> "changed (" + kind + "), version " + change.before().map(CatalogEntry::version).orElseThrow() + " -> "
                        + change.after().map(CatalogEntry::version).orElseThrow() + ": its done dates become STALE";
                case UNCHANGED -> "unchanged, version " + change.after().map(CatalogEntry::version).orElseThrow();
                case REMOVED -> "removed: no longer in the file (its dates' records and partitions stay)";
            };
            out.printf("  %-32s %s%n", change.table(), detail);
        }
    }

    /**
     * What setup would do for the tables the file adds or changes (and their datasets): on
     * BigQuery, create a missing table or dataset; on the embedded warehouse nothing (its tables
     * are made on first use).
     */
    private static List<PlannedChange> tableChanges(Iterable<Provisioner> provisioners, CatalogChanges changes)
    {
        List<String> suffixes = new ArrayList<>();
        for (CatalogChanges.TableChange change : changes.changes()) {
            if (change.change() == CatalogChanges.Change.ADDED || change.change() == CatalogChanges.Change.CHANGED) {
                change.after().ifPresent(entry -> suffixes.add("." + entry.name()));
            }
        }
        List<PlannedChange> tables = new ArrayList<>();
        if (suffixes.isEmpty()) {
            return tables;
        }
        for (Provisioner provisioner : provisioners) {
            for (PlannedChange change : provisioner.plan()) {
                boolean ours = suffixes.stream().anyMatch(suffix -> change.resource().endsWith(suffix));
                boolean missingDataset = change.resource().startsWith("dataset ") && change.action() == Action.CREATE;
                if (ours || missingDataset) {
                    tables.add(change);
                }
            }
        }
        return tables;
    }
}
