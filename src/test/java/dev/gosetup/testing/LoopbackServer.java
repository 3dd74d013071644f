package dev.gosetup.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's com.sun.net.httpserver) serving files with Range support,
 * and faults scripted per request: dropped connections, wrong status, stalls, redirects, lying lengths.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What to do with one request; null means serve it properly. */
    @FunctionalInterface
    public interface Fault {
        /** @return true when the fault answered the request */
        boolean apply(HttpExchange exchange, byte[] content, long rangeStart) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Path> bigFiles = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    public final List<String> rangeHeaders = new CopyOnWriteArrayList<>();
    /** The Authorization header of each request ("-" when there was none), in order. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String requiredAuthorization;

    public LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public LoopbackServer serve(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** A large file streamed from disk (a real Go archive). */
    public LoopbackServer serveFile(String path, Path file) {
        bigFiles.put(path, file);
        return this;
    }

    /** Faults for the next requests, in order; requests after them are served properly. */
    public LoopbackServer then(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Answers 401 to every request without HTTP Basic for this user and password (a mirror behind a login). */
    public LoopbackServer requireBasic(String user, String password) {
        requiredAuthorization = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    private boolean unauthorized(HttpExchange ex) throws IOException {
        String given = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(given == null ? "-" : given);
        if (requiredAuthorization != null && !requiredAuthorization.equals(given)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"mirror\"");
            ex.sendResponseHeaders(401, -1);
            return true;
        }
        return false;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int requests() {
        return requests.get();
    }

    /** The paths asked for, in order. */
    public java.util.List<String> requestedPaths() {
        return java.util.List.copyOf(paths);
    }

    private final java.util.List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            paths.add(ex.getRequestURI().getPath());
            if (unauthorized(ex)) {
                return;
            }
            String range = ex.getRequestHeaders().getFirst("Range");
            rangeHeaders.add(range == null ? "-" : range);
            long start = range == null ? 0 : Long.parseLong(range.replaceAll("bytes=(\\d+)-.*", "$1"));
            String path = ex.getRequestURI().getPath();
            Path big = bigFiles.get(path);
            if (big != null) {
                serveBig(ex, big, start);
                return;
            }
            byte[] content = files.get(path);
            Fault fault = faults.isEmpty() ? null : faults.removeFirst();
            if (fault != null && fault.apply(ex, content, start)) {
                return;
            }
            if (content == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            // The validator changes with the content, so a revalidation sees a replaced file as changed.
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(content)) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            if (start > 0) {
                ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
                ex.sendResponseHeaders(206, content.length - start);
            } else {
                ex.sendResponseHeaders(200, content.length);
            }
            ex.getResponseBody().write(content, (int) start, (int) (content.length - start));
        }
    }

    private static void serveBig(HttpExchange ex, Path file, long start) throws IOException {
        long size = Files.size(file);
        if (start > 0) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (size - 1) + "/" + size);
            ex.sendResponseHeaders(206, size - start);
        } else {
            ex.sendResponseHeaders(200, size);
        }
        try (var ch = java.nio.channels.FileChannel.open(file); OutputStream out = ex.getResponseBody()) {
            ch.position(start);
            ch.transferTo(start, size - start, java.nio.channels.Channels.newChannel(out));
        }
    }

    // --- faults ---

    /** Declares the whole length, sends {@code n} bytes, then drops the connection. */
    public static Fault dropAfter(int n) {
        return (ex, content, start) -> {
            ex.sendResponseHeaders(start > 0 ? 206 : 200, content.length - start);
            if (start > 0) {
                ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            }
            ex.getResponseBody().write(content, (int) start, n);
            ex.getResponseBody().flush();
            ex.getHttpContext().getServer(); // nothing else to send
            closeAbruptly(ex);
            return true;
        };
    }

    public static Fault status(int code, String retryAfter) {
        return (ex, content, start) -> {
            if (retryAfter != null) {
                ex.getResponseHeaders().set("Retry-After", retryAfter);
            }
            ex.sendResponseHeaders(code, -1);
            return true;
        };
    }

    public static Fault redirect(String location) {
        return (ex, content, start) -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
            return true;
        };
    }

    /** Sends {@code n} bytes, then nothing for {@code millis}, then drops. */
    public static Fault stallAfter(int n, long millis) {
        return (ex, content, start) -> {
            ex.sendResponseHeaders(200, content.length);
            ex.getResponseBody().write(content, 0, n);
            ex.getResponseBody().flush();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeAbruptly(ex);
            return true;
        };
    }

    /** The whole body with other bytes (same length). */
    public static Fault wrongBytes() {
        return (ex, content, start) -> {
            byte[] wrong = content.clone();
            wrong[wrong.length / 2] ^= 0x55;
            ex.sendResponseHeaders(200, wrong.length);
            ex.getResponseBody().write(wrong);
            return true;
        };
    }

    /** A body longer than the file (extra bytes appended). */
    public static Fault tooLong(int extra) {
        return (ex, content, start) -> {
            ex.sendResponseHeaders(200, content.length + extra);
            ex.getResponseBody().write(content);
            ex.getResponseBody().write(new byte[extra]);
            return true;
        };
    }

    private static void closeAbruptly(HttpExchange ex) {
        // Closing the exchange before the declared length is written makes the server drop the connection.
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
