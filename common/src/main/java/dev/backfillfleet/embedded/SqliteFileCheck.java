package dev.backfillfleet.embedded;

import dev.backfillfleet.doctor.Finding;
import dev.backfillfleet.doctor.MendCommands;
import dev.backfillfleet.doctor.StorageCheck;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.Port;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * An embedded file readable and intact: opened read-only (nothing is created or changed, not even
 * a -wal or -shm file beside an idle database), then SQLite's {@code PRAGMA quick_check}.
 */
public final class SqliteFileCheck
        implements StorageCheck
{
    private final Port port;
    private final Path file;
    private final Function<MendCommands, String> mend;

    /**
     * @param mend what to do when the file is unreadable or corrupt
     */
    public SqliteFileCheck(Port port, Path file, Function<MendCommands, String> mend)
    {
        this.port = requireNonNull(port, "port is null");
        this.file = requireNonNull(file, "file is null").toAbsolutePath().normalize();
        this.mend = requireNonNull(mend, "mend is null");
    }

    @Override
    public Port port()
    {
        return port;
    }

    @Override
    public String storage()
    {
        return file.getFileName().toString();
    }

    @Override
    public List<Finding> run(MendCommands mends)
    {
        String subject = storage();
        String mend = this.mend.apply(mends);
        if (!Files.exists(file)) {
            return List.of(Finding.ok(subject, "not created yet (it is made on first use)"));
        }
        if (!Files.isRegularFile(file)) {
            return List.of(Finding.problem(subject, file + " is not a regular file", mend));
        }
        if (!Files.isReadable(file)) {
            return List.of(Finding.unreadable(subject, file + " cannot be read by this user: check its owner and permissions"));
        }
        try (SqliteDatabase database = SqliteDatabase.readOnly(file)) {
            List<String> answers = database.quickCheck();
            if (answers.equals(List.of("ok"))) {
                return List.of(Finding.ok(subject, "intact (PRAGMA quick_check)"));
            }
            String shown = String.join("; ", answers.subList(0, Math.min(3, answers.size()))) + (answers.size() > 3 ? "; ..." : "");
            return List.of(Finding.problem(subject, "corrupt: " + shown, mend));
        }
        catch (FleetException e) {
            return List.of(Finding.problem(subject, "not a readable SQLite database (" + causeOf(e) + ")", mend));
        }
    }

    private static String causeOf(FleetException e)
    {
        String message = e.getCause() == null ? e.getMessage() : String.valueOf(e.getCause().getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
