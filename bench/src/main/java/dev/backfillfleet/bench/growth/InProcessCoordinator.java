package dev.backfillfleet.bench.growth;

import dev.backfillfleet.standalone.StandaloneMain;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Runs a coordinator verb in this JVM the way {@code bin/coordinator} does (picocli, the same
 * exit-code mapping), its output counted and dropped, with its time, heap and allocation.
 */
final class InProcessCoordinator
{
    private static final double MB = 1024.0 * 1024.0;

    record Measured(double seconds, double peakHeapMb, double baselineHeapMb, double allocatedMb, long outputBytes, int exitCode, String errors) {}

    Measured run(List<String> args)
    {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long baseline = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CountingWriter out = new CountingWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = StandaloneMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured(seconds, peak / MB, baseline / MB, allocated / MB, out.count, exitCode, err.toString().strip());
    }

    private static final class CountingWriter
            extends Writer
    {
        private long count;

        @Override
        public void write(char[] buffer, int offset, int length)
        {
            count += length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
