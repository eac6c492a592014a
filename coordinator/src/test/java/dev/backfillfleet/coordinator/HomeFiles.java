package dev.backfillfleet.coordinator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a directory with a digest of its bytes: two snapshots are equal only if no byte changed and no file came or went. */
public final class HomeFiles
{
    private HomeFiles() {}

    public static Map<String, String> snapshot(Path root)
    {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        if (!Files.isDirectory(root)) {
            files.put(".", digest(root));
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(path -> !path.equals(root)).forEach(path ->
                    files.put(root.relativize(path).toString(), Files.isDirectory(path) ? "directory" : digest(path)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String digest(Path file)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
