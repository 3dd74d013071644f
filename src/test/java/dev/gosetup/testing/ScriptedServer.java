package dev.gosetup.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket on loopback that answers every connection with the same scripted bytes, for what a
 * well-behaved HTTP server cannot be made to do: Content-Length smaller than the body, a 407 from a proxy,
 * a drip of one chunk at a time.
 */
public final class ScriptedServer implements AutoCloseable {
    /** Writes the answer to one connection (the request has been read up to its blank line). */
    @FunctionalInterface
    public interface Script {
        void answer(String request, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public ScriptedServer(Script script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("scripted-server").start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    connections.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> {
                        try (s) {
                            String request = readHead(s.getInputStream());
                            script.answer(request, s.getOutputStream());
                            s.getOutputStream().flush();
                        } catch (IOException | InterruptedException e) {
                            // the client went away: fine
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    public int port() {
        return socket.getLocalPort();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
