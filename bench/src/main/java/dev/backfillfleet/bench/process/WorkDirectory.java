package dev.backfillfleet.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** Where the benchmark's homes and logs live: one fresh directory per run, deleted after it unless kept. */
public final class WorkDirectory
{
    private final Path root;
    private final boolean keep;

    public WorkDirectory(Path root, boolean keep)
    {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.keep = keep;
    }

    public Path root()
    {
        return root;
    }

    /** A new, empty directory for one run (a BACKFILL_HOME, or logs). */
    public Path newHome(String name)
    {
        try {
            Path home = root.resolve(name);
            delete(home);
            return Files.createDirectories(home);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path log(Path home, String name)
    {
        return home.resolve(name + ".log");
    }

    /** Deletes a finished run's home (unless --keep): a million dates are hundreds of megabytes. */
    public void discard(Path home)
    {
        if (!keep) {
            delete(home);
        }
    }

    /**
     * Copies the embedded warehouse (its database file and the seed markers) of one home into
     * another, so that a second run starts from the same seeded league without seeding again.
     * Only while no process has the files open.
     */
    public static void copyWarehouse(Path from, Path to)
    {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.filter(path -> path.getFileName().toString().startsWith("warehouse")).toList()) {
                copyTree(entry, to.resolve(entry.getFileName().toString()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public static void delete(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
