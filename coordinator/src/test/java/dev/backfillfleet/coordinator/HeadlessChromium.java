package dev.backfillfleet.coordinator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, no network of its own: renders a local page and returns the DOM
 * after its scripts ran, or a screenshot. Tests skip when it is not installed.
 */
final class HeadlessChromium
{
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final String MISSING = "headless Chromium tests need " + BINARY + ": apt-get install -y chromium";

    private final Path profile;

    HeadlessChromium(Path profile)
    {
        this.profile = profile;
    }

    static boolean installed()
    {
        return Files.isExecutable(BINARY);
    }

    String dumpDom(Path page, String fragment)
            throws IOException, InterruptedException
    {
        Path dom = profile.resolveSibling(profile.getFileName() + "-dom.html");
        run(dom, "--dump-dom", url(page, fragment));
        return Files.readString(dom);
    }

    void screenshot(Path page, String fragment, Path png, int width, int height)
            throws IOException, InterruptedException
    {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(null, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars", url(page, fragment));
        if (!Files.isRegularFile(png)) {
            throw new IOException("chromium wrote no screenshot to " + png);
        }
    }

    private void run(Path stdout, String... args)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(args));
        Path log = profile.resolveSibling(profile.getFileName() + "-chromium.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process chromium = builder.start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("chromium did not finish within 90 s; its log: " + Files.readString(log));
        }
        if (chromium.exitValue() != 0) {
            throw new IOException("chromium exited " + chromium.exitValue() + "; its log: " + Files.readString(log));
        }
    }

    private static String url(Path page, String fragment)
    {
        return page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
    }
}
