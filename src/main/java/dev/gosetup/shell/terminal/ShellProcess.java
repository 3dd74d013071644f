package dev.gosetup.shell.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one shell the way a terminal would, but safely for us: in a session of its own with no controlling
 * terminal (an interactive zsh or bash would otherwise take over the terminal gosetup runs in), stdin from
 * /dev/null, output bounded, and the whole process tree killed when it overruns its time.
 */
final class ShellProcess {
    /** Enough for any answer after the noisiest startup files; the rest is read and dropped. */
    static final int MAX_OUTPUT = 256 * 1024;

    /** What came back: the output (bounded) and whether the end marker was seen before the time ran out. */
    record Outcome(String output, boolean finished, boolean timedOut, int exitCode) {}

    private ShellProcess() {}

    static Outcome run(List<String> command, Map<String, String> env, Path dir, Duration timeout, String endLine)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(detached(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null && Files.isDirectory(dir)) {
            pb.directory(dir.toFile());
        }
        pb.environment().clear();
        pb.environment().putAll(env);
        long deadline = System.nanoTime() + timeout.toNanos();
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch answered = new CountDownLatch(1);
        // A platform daemon thread: a background program started by a startup file (an agent) may keep the
        // pipe open after the shell is gone; the reader must never hold up gosetup's exit.
        Thread reader = new Thread(() -> read(p.getInputStream(), out, endLine, answered), "gosetup-terminal-probe");
        reader.setDaemon(true);
        reader.start();
        boolean finished = answered.await(remaining(deadline), TimeUnit.NANOSECONDS);
        boolean exited = finished ? p.waitFor(Math.max(remaining(deadline), TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS)
                : p.waitFor(0, TimeUnit.NANOSECONDS);
        if (!exited) {
            killTree(p);
        }
        synchronized (out) {
            boolean seen = out.toString(StandardCharsets.UTF_8).contains(endLine);
            return new Outcome(out.toString(StandardCharsets.UTF_8), seen, !seen && !exited, exited ? p.exitValue() : -1);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void read(InputStream in, ByteArrayOutputStream out, String endLine, CountDownLatch answered) {
        byte[] buf = new byte[8192];
        byte[] end = endLine.getBytes(StandardCharsets.UTF_8);
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    int room = MAX_OUTPUT - out.size();
                    if (room > 0) {
                        out.write(buf, 0, Math.min(n, room));
                    }
                    if (contains(out, end)) {
                        answered.countDown();
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed, or closed its output: what was read is all there is
        } finally {
            answered.countDown();
        }
    }

    private static boolean contains(ByteArrayOutputStream out, byte[] end) {
        return out.toString(StandardCharsets.ISO_8859_1).contains(new String(end, StandardCharsets.ISO_8859_1));
    }

    /** Its descendants first (listed before any dies, so none is missed by being re-parented), then the shell. */
    static void killTree(Process p) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            // Gone before we report: a check that says "stopped" leaves nothing of the shell running.
            p.waitFor(2, TimeUnit.SECONDS);
            for (ProcessHandle h : tree) {
                h.onExit().get(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a process that would not die in 2 s after SIGKILL (stuck in the kernel): nothing more can be done
        }
    }

    /**
     * The command in a new session: setsid(1) on Linux; on macOS, which has no setsid command, perl's POSIX
     * setsid (perl ships with macOS). Without either it runs as it is: fine when gosetup has no terminal.
     */
    static List<String> detached(List<String> command) {
        List<String> out = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                out.add(setsid);
                out.addAll(command);
                return out;
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/perl")) && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")) {
            out.addAll(List.of("/usr/bin/perl", "-MPOSIX", "-e", "POSIX::setsid(); exec { $ARGV[0] } @ARGV or exit 127"));
            out.addAll(command);
            return out;
        }
        return command;
    }
}
