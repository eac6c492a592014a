package dev.backfillfleet.worker.tables;

import dev.backfillfleet.demo.DemoLeague;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inputs give the same data_hash values: in this JVM from a league generated here, and in
 * a child JVM that generates the league and seeds its own warehouse, at another processed_at.
 */
class TestDeterminism
{
    @TempDir
    Path directory;

    @Test
    void sameInputsGiveIdenticalRowHashesAcrossWarehousesAndProcesses()
            throws Exception
    {
        Path childHashes = directory.resolve("child-hashes.txt");
        Process child = startChild(directory.resolve("child"), childHashes);

        List<String> first = DeterminismProbe.compute(directory.resolve("first"), DemoLeague.generate(), Instant.parse("2026-01-01T00:00:00Z"));
        List<String> second = DeterminismProbe.compute(directory.resolve("second"), DemoLeague.generate(), Instant.parse("2026-06-01T12:00:00Z"));

        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(directory.resolve("child.log"))).isZero();
        assertThat(first).hasSizeGreaterThan(1000);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllLines(childHashes)).isEqualTo(first);
        assertThat(first.stream().map(line -> line.split(" ")[0]).distinct())
                .containsExactlyInAnyOrder("team_offense_game_summary", "team_defense_game_summary", "player_game_summary", "upcoming_team_game_context", "upcoming_player_game_context");
    }

    private static Process startChild(Path warehouseDirectory, Path output)
            throws Exception
    {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", classPath,
                DeterminismProbe.class.getName(),
                warehouseDirectory.toString(), output.toString(), "2027-03-03T03:03:03Z");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(warehouseDirectory.resolveSibling("child.log").toFile())
                .start();
    }
}
