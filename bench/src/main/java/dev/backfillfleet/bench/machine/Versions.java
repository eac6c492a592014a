package dev.backfillfleet.bench.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What was measured: the JVM, the checkout's commit, and the SQLite driver and library. */
public record Versions(String java, String javaVm, String gitCommit, boolean gitDirty, String sqliteJdbc, String sqlite)
{
    public static Versions describe(Path root)
    {
        String[] sqlite = sqliteVersions();
        String commit = git(root, List.of("rev-parse", "HEAD"));
        String status = git(root, List.of("status", "--porcelain", "--untracked-files=no"));
        return new Versions(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                commit.isEmpty() ? "unknown" : commit, !status.isEmpty() && !status.equals("unknown"), sqlite[0], sqlite[1]);
    }

    private static String[] sqliteVersions()
    {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT sqlite_version()")) {
            result.next();
            return new String[] {connection.getMetaData().getDriverVersion(), result.getString(1)};
        }
        catch (SQLException e) {
            return new String[] {"unknown", "unknown"};
        }
    }

    private static String git(Path root, List<String> args)
    {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unknown";
            }
            return output;
        }
        catch (IOException e) {
            return "unknown";
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
