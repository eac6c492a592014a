package dev.backfillfleet.testing.emulators;

import java.util.Optional;

/** Refuses any endpoint that is not this machine: tests never talk to Google Cloud. */
public final class LocalOnly
{
    private LocalOnly() {}

    public static String requireLocal(Optional<String> hostAndPort, String what)
    {
        String value = hostAndPort.orElseThrow(() -> new IllegalStateException(what + " has no emulator host: refusing to run a test against production"));
        String host = value.replaceFirst("^https?://", "").replaceFirst(":\\d+(/.*)?$", "");
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalStateException(what + " points at " + value + ", not this machine: refusing to run a test against it");
        }
        return value;
    }
}
