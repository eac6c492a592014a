package dev.backfillfleet.testing.faults;

import dev.backfillfleet.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFaultProxy
{
    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy()
            throws IOException
    {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread pump = new Thread(() -> {
                        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                            in.transferTo(out);
                        }
                        catch (IOException ignored) {
                            // the client went away
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                }
                catch (IOException ignored) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = FaultProxy.start("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void stop()
            throws IOException
    {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWays()
            throws IOException
    {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
            assertThat(proxy.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aCutHoldsTheBytesUntilRestoredAndNewConnectionsWaitToo()
            throws IOException
    {
        try (Socket socket = connect()) {
            roundTrip(socket, "warm");
            proxy.cut();
            send(socket, "held");
            socket.setSoTimeout(300);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            try (Socket later = connect()) {
                send(later, "late");
                later.setSoTimeout(300);
                assertThatThrownBy(() -> later.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

                proxy.restore();
                socket.setSoTimeout(5_000);
                later.setSoTimeout(5_000);
                assertThat(receive(socket, 4)).isEqualTo("held");
                assertThat(receive(later, 4)).isEqualTo("late");
            }
        }
    }

    @Test
    void aDelaySlowsEveryChunk()
            throws IOException
    {
        try (Socket socket = connect()) {
            roundTrip(socket, "warm");
            proxy.delay(Duration.ofMillis(200));
            long started = System.nanoTime();
            assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
            // one chunk up and one down, each held 200 ms
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void aDelayIsLatencyNotABandwidthCapSoChunksInFlightTogetherArriveTogether()
            throws Exception
    {
        try (Socket socket = connect()) {
            roundTrip(socket, "warm");
            proxy.delay(Duration.ofMillis(500));
            long started = System.nanoTime();
            send(socket, "one");
            // a second chunk while the first is on its way: on a long link it is not held back behind it
            Eventually.await("a moment to pass", Duration.ofSeconds(1), Duration.ofMillis(10), () -> System.nanoTime() - started >= 100_000_000L);
            send(socket, "two");
            assertThat(receive(socket, 6)).isEqualTo("onetwo");
            // 500 ms up and 500 ms down after it was sent: about 1.1 s; queued behind each other, 1.5 s at least
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1450));
        }
    }

    @Test
    void resetsOpenConnectionsAtOnceOrAtRandom()
            throws IOException
    {
        try (Socket socket = connect()) {
            roundTrip(socket, "warm");
            proxy.resetAll();
            socket.setSoTimeout(5_000);
            assertThatThrownBy(() -> roundTrip(socket, "gone")).isInstanceOf(SocketException.class);
        }
        assertThat(proxy.resets()).isEqualTo(1);

        proxy.resetRandomly(1.0);
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            assertThatThrownBy(() -> roundTrip(socket, "flaky")).isInstanceOf(SocketException.class);
        }
        // at least one more: with probability 1 each direction's next chunk resets, and a chunk may be read on both sides before the first reset lands
        assertThat(proxy.resets()).isGreaterThanOrEqualTo(2);

        proxy.restore();
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "again")).isEqualTo("again");
        }
    }

    private Socket connect()
            throws IOException
    {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text)
            throws IOException
    {
        send(socket, text);
        return receive(socket, text.length());
    }

    private static void send(Socket socket, String text)
            throws IOException
    {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static String receive(Socket socket, int length)
            throws IOException
    {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        if (bytes.length < length) {
            throw new SocketException("connection closed after " + bytes.length + " bytes");
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
