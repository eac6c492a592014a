package dev.backfillfleet.coordinator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only common's {@code inject/} decides which adapter runs: no main source of the coordinator,
 * the worker or the standalone assembly names an adapter package (an import, or a name written
 * out in the code). What an adapter offers beyond its ports (doctor checks, a demo league, a
 * listable queue) reaches them through bindings its module contributes. And the coordinator
 * depends on common only: the verbs that need a worker are the standalone assembly's.
 */
class TestAdaptersAreChosenInOnePlace
{
    private static final Pattern ADAPTER = Pattern.compile("\\bdev\\.backfillfleet\\.(embedded|firestore|pubsub|bigquery)\\b");

    @Test
    void noCoordinatorOrWorkerSourceNamesAnAdapter()
            throws IOException
    {
        List<Path> sources = mainSources();
        assertThat(sources).as("the main sources of the coordinator, the worker and the standalone assembly").hasSizeGreaterThan(60);
        List<String> violations = new ArrayList<>();
        for (Path file : sources) {
            violations.addAll(adapterReferences(file.toString(), Files.readString(file)));
        }
        assertThat(violations).as("adapter packages named outside common (bind what is needed in the adapter's module instead)").isEmpty();
    }

    @Test
    void theCoordinatorDependsOnCommonOnly()
            throws IOException
    {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> ours = new ArrayList<>();
        Matcher artifact = Pattern.compile("<artifactId>(backfill-[a-z-]+)</artifactId>").matcher(pom);
        while (artifact.find()) {
            ours.add(artifact.group(1));
        }
        assertThat(ours).as("the parent, the coordinator itself and what it depends on, test scope included").containsOnly("backfill-fleet", "backfill-coordinator", "backfill-common");
    }

    @Test
    void theCheckFindsAnImportAndAWrittenOutNameButNotAComment()
    {
        String source = """
                package dev.backfillfleet.coordinator.command;

                import dev.backfillfleet.embedded.SqliteWorkQueue;
                // once dev.backfillfleet.firestore.FirestoreIndexes was printed here
                /* dev.backfillfleet.pubsub in a comment */
                class Example {
                    Object queue = (dev.backfillfleet.pubsub.PubSubWorkQueue) null;
                    String text = "dev.backfillfleet.bigqueryish";
                }
                """;
        assertThat(adapterReferences("Example.java", source)).containsExactly(
                "Example.java:3: import dev.backfillfleet.embedded.SqliteWorkQueue;",
                "Example.java:7: Object queue = (dev.backfillfleet.pubsub.PubSubWorkQueue) null;");
    }

    private static List<String> adapterReferences(String file, String text)
    {
        List<String> found = new ArrayList<>();
        boolean inComment = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String code = lines[i];
            if (inComment) {
                int end = code.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                code = code.substring(end + 2);
                inComment = false;
            }
            code = code.replaceAll("/\\*.*?\\*/", "");
            int open = code.indexOf("/*");
            if (open >= 0) {
                code = code.substring(0, open);
                inComment = true;
            }
            int lineComment = code.indexOf("//");
            if (lineComment >= 0) {
                code = code.substring(0, lineComment);
            }
            Matcher matcher = ADAPTER.matcher(code);
            if (matcher.find()) {
                found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        return found;
    }

    private static List<Path> mainSources()
            throws IOException
    {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (String module : List.of("coordinator", "worker", "standalone")) {
            try (Stream<Path> paths = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                paths.filter(path -> path.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
