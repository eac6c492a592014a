package dev.backfillfleet.testing.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A TCP proxy the tests control, between a process under test and a service on localhost (an
 * emulator, the BigQuery stand-in): it forwards bytes as they come until told to misbehave.
 *
 * <ul>
 * <li>{@link #cut()}: a partition. Nothing is forwarded in either direction and new connections
 * are accepted but go nowhere; the bytes wait, as TCP would retransmit them, and flow again on
 * {@link #restore()} (so a connection that outlives the cut is intact, one that timed out is
 * closed by its owner).</li>
 * <li>{@link #delay(Duration)}: every chunk read, in both directions, is passed on this long after
 * it was read: a slow (long) link. Chunks in flight together arrive together: it is latency, not
 * a bandwidth cap, so calls multiplexed on one connection are each slowed, not queued.</li>
 * <li>{@link #resetAll()}: every open connection is reset (RST) now; {@link #resetRandomly(double)}:
 * each chunk forwarded resets its connection with this probability: a flaky link.</li>
 * <li>{@link #restore()}: forward as normal again.</li>
 * </ul>
 * No Docker, no privileges: plain sockets and a thread per direction of each connection.
 */
public final class FaultProxy
        implements AutoCloseable
{
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private volatile boolean cut;
    private volatile Duration delay = Duration.ZERO;
    private volatile double resetProbability;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target, ServerSocket server)
    {
        this.target = target;
        this.server = server;
    }

    /** A proxy on a free port of 127.0.0.1 to {@code host:port}, forwarding from now on. */
    public static FaultProxy start(String host, int port)
    {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FaultProxy proxy = new FaultProxy(new InetSocketAddress(host, port), server);
            Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port} of a service, e.g. an emulator's {@code 127.0.0.1:8085}. */
    public static FaultProxy start(String hostAndPort)
    {
        int colon = hostAndPort.lastIndexOf(':');
        return start(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    public int port()
    {
        return server.getLocalPort();
    }

    /** What a process under test uses instead of the service's address: {@code 127.0.0.1:PORT}. */
    public String hostAndPort()
    {
        return "127.0.0.1:" + port();
    }

    public void cut()
    {
        cut = true;
    }

    public void delay(Duration perChunk)
    {
        delay = requireNonNull(perChunk, "perChunk is null");
    }

    public void resetRandomly(double probability)
    {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within 0 and 1: " + probability);
        }
        resetProbability = probability;
    }

    /** Resets every open connection now (their owners see "connection reset" and reconnect). */
    public void resetAll()
    {
        List.copyOf(connections).forEach(Connection::reset);
    }

    /** Forward as normal: no cut, no delay, no random resets. */
    public void restore()
    {
        delay = Duration.ZERO;
        resetProbability = 0;
        synchronized (gate) {
            cut = false;
            gate.notifyAll();
        }
    }

    /** Connections reset so far, by {@link #resetAll()} or at random. */
    public long resets()
    {
        return resets.get();
    }

    /** Bytes passed on from the process under test to the service so far: how far a long upload (a publish) got. */
    public long bytesUp()
    {
        return bytesUp.get();
    }

    /** Connections open now. */
    public int openConnections()
    {
        return connections.size();
    }

    private void acceptLoop()
    {
        while (!closed) {
            try {
                Socket client = server.accept();
                Connection connection = new Connection(client);
                connections.add(connection);
                Thread opener = new Thread(connection::open, "fault-proxy-open-" + port());
                opener.setDaemon(true);
                opener.start();
            }
            catch (IOException e) {
                if (!closed) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Blocks while the link is cut; false once the proxy is closed. */
    private boolean awaitLink()
    {
        synchronized (gate) {
            while (cut && !closed) {
                try {
                    gate.wait();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !closed;
    }

    @Override
    public void close()
    {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
        }
        try {
            server.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        List.copyOf(connections).forEach(Connection::close);
    }

    /** Bytes read, and when they may be passed on. */
    private record Chunk(byte[] bytes, long dueNanos)
    {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    private final class Connection
    {
        private final Socket client;
        private volatile Socket upstream;

        Connection(Socket client)
        {
            this.client = client;
        }

        void open()
        {
            // a connection made during a cut waits for the link like the bytes do
            if (!awaitLink()) {
                close();
                return;
            }
            try {
                upstream = new Socket();
                upstream.connect(target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pump(client, upstream, "up");
                pump(upstream, client, "down");
            }
            catch (IOException e) {
                close();
            }
        }

        /**
         * Forwards one direction: a reader takes the bytes as they come, a writer passes each chunk
         * on once the link is up and the chunk's delay since it was read has passed. The delay is
         * latency, not a bandwidth cap: chunks in flight together arrive together, as on a long link.
         */
        private void pump(Socket from, Socket to, String direction)
        {
            BlockingQueue<Chunk> inFlight = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream();
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        inFlight.put(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + delay.toNanos()));
                    }
                }
                catch (IOException | InterruptedException e) {
                    // the other side went away, or the proxy closed
                }
                inFlight.add(Chunk.END);
            }, "fault-proxy-" + direction + "-read-" + port());
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = to.getOutputStream();
                    while (true) {
                        Chunk chunk = inFlight.take();
                        if (chunk == Chunk.END || !awaitLink()) {
                            break;
                        }
                        long wait = chunk.dueNanos() - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (!awaitLink()) {
                            break;
                        }
                        if (resetProbability > 0 && ThreadLocalRandom.current().nextDouble() < resetProbability) {
                            reset();
                            return;
                        }
                        out.write(chunk.bytes());
                        out.flush();
                        if (direction.equals("up")) {
                            bytesUp.addAndGet(chunk.bytes().length);
                        }
                    }
                }
                catch (IOException | InterruptedException e) {
                    // the other side went away, or the proxy closed: the connection ends
                }
                close();
            }, "fault-proxy-" + direction + "-write-" + port());
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        /** An RST instead of a FIN: SO_LINGER 0, then close. */
        void reset()
        {
            resets.incrementAndGet();
            for (Socket socket : new Socket[] {client, upstream}) {
                if (socket != null) {
                    try {
                        socket.setSoLinger(true, 0);
                    }
                    catch (SocketException ignored) {
                        // already closed
                    }
                }
            }
            close();
        }

        void close()
        {
            connections.remove(this);
            for (Socket socket : new Socket[] {client, upstream}) {
                if (socket != null) {
                    try {
                        socket.close();
                    }
                    catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }
        }
    }
}
