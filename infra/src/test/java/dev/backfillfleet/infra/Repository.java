package dev.backfillfleet.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from the module's directory (surefire runs the tests in infra/). */
final class Repository
{
    static final Path ROOT = find();

    private Repository() {}

    private static Path find()
    {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isDirectory(directory.resolve("infra/terraform"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("no infra/terraform above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
