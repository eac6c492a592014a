package dev.backfillfleet.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Builds the command lines of the product's processes. {@link Mode#JAR} runs the jars that
 * {@code bin/coordinator} and {@code bin/worker} run ({@code java -jar standalone/target/standalone.jar},
 * {@code java -jar worker/target/worker.jar});
 * {@link Mode#CLASSPATH} runs the same main classes with this JVM's class path, for the smoke test,
 * where the jars may not be built yet.
 */
public final class ProductLauncher
{
    public enum Mode
    {
        JAR,
        CLASSPATH;

        public static Mode parse(String text)
        {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    private static final String COORDINATOR_MAIN = "dev.backfillfleet.standalone.StandaloneMain";
    private static final String WORKER_MAIN = "dev.backfillfleet.worker.WorkerMain";

    /** For --quick: child JVMs that start in half the CPU time (C1 only, serial GC); their figures are not the product's. */
    public static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Mode mode;
    private final Path root;
    private final Path work;
    private final List<String> jvmOptions;

    /**
     * @param jvmOptions options of every JVM started (before any given per command)
     */
    public ProductLauncher(Mode mode, Path root, Path work, List<String> jvmOptions)
    {
        this.mode = requireNonNull(mode, "mode is null");
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.work = requireNonNull(work, "work is null").toAbsolutePath().normalize();
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Fails early, saying what to build, when the jars this launcher runs are missing. */
    public void checkJars()
    {
        if (mode == Mode.CLASSPATH) {
            return;
        }
        for (Path jar : List.of(jar("standalone"), jar("worker"))) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run bin/build-if-needed (bin/bench does)");
            }
        }
    }

    public ProductCommand coordinator(List<String> args)
    {
        return new ProductCommand(argv(List.of(), "standalone", COORDINATOR_MAIN, args), javaOptions(List.of()) + "bin/coordinator " + shown(args));
    }

    /** {@code bin/worker ARGS} with {@code BACKFILL_JAVA_OPTS} (which bin/worker honours) set to {@code options}. */
    public ProductCommand worker(List<String> options, List<String> args)
    {
        return new ProductCommand(argv(options, "worker", WORKER_MAIN, args), javaOptions(options) + "bin/worker " + shown(args));
    }

    /** One of the harness's own main classes, in a JVM of its own (its class path is this JVM's). */
    public ProductCommand harness(Class<?> mainClass, List<String> args)
    {
        List<String> argv = new ArrayList<>(List.of(java()));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        argv.addAll(args);
        String options = jvmOptions.isEmpty() ? "" : String.join(" ", jvmOptions) + " ";
        return new ProductCommand(argv, "java " + options + "-cp bench/target/bench.jar " + mainClass.getName() + " " + shown(args));
    }

    public Mode mode()
    {
        return mode;
    }

    private String javaOptions(List<String> options)
    {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(options);
        return all.isEmpty() ? "" : "BACKFILL_JAVA_OPTS='" + String.join(" ", all) + "' ";
    }

    private List<String> argv(List<String> options, String module, String mainClass, List<String> args)
    {
        List<String> argv = new ArrayList<>();
        argv.add(java());
        argv.addAll(jvmOptions);
        argv.addAll(options);
        if (mode == Mode.JAR) {
            argv.addAll(List.of("-jar", jar(module).toString()));
        }
        else {
            argv.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        }
        argv.addAll(args);
        return argv;
    }

    private Path jar(String module)
    {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private String shown(List<String> args)
    {
        return String.join(" ", args).replace(work.toString(), "<work>").strip();
    }

    private static String java()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
