package dev.backfillfleet.e2e;

import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.standalone.StandaloneMain;

import java.nio.file.Path;

/** Coordinator verbs in this JVM as {@code bin/coordinator} offers them: {@code run} among them. */
final class StandaloneCli
{
    private StandaloneCli() {}

    static CoordinatorCli at(Path home)
    {
        return new CoordinatorCli(home, StandaloneMain::commandLine);
    }
}
