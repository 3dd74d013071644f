package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps writers of one shell setup apart (two `gosetup env --apply`, the window and the command line, an IT
 * script): an OS lock on {@value #FILE} beside our env scripts, held for the whole re-check, write and
 * settings save. The OS releases it when a process dies, so a crash never leaves it stuck. The holder
 * writes its process id and start time into the file, so a refusal can say who holds it.
 *
 * <p>Threads of one process queue on a semaphore first: POSIX locks belong to the process, so a second
 * channel in the same process would not be kept out, and closing it would release the first one's lock.
 *
 * <p>Undo deletes the lock file along with everything else gosetup made in a home. A lock therefore only
 * counts when, once held, the file is still the one at the path (the same file key); else it is taken
 * again on the new file.
 */
public final class EnvLock implements AutoCloseable {
    public static final String FILE = "env-apply.lock";
    /** Locked byte: past the holder's text, so that Windows (where locks are mandatory) can still read who holds it. */
    private static final long LOCKED_BYTE = 1L << 20;
    private static final long POLL_MILLIS = 50;
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();
    /** What the lock file says about its holder (and what this process writes): "process 4242, since 2026-12-03 10:00:00 UTC". */
    private static final java.util.regex.Pattern HOLDER = java.util.regex.Pattern.compile("process (\\d+), since ([0-9: -]+\\S*)");
    /** The holder when another thread of this process holds the lock and has not written its name yet. */
    private static final String HERE = "this process";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

    private final Path file;
    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Path> createdFolders;

    private EnvLock(Path file, Semaphore local, FileChannel channel, FileLock lock, List<Path> createdFolders) {
        this.file = file;
        this.local = local;
        this.channel = channel;
        this.lock = lock;
        this.createdFolders = createdFolders;
    }

    /**
     * Takes the lock of the scripts folder {@code dir} (made if missing), waiting at most {@code wait}.
     *
     * @throws EnvBusyException when another process or thread still holds it after the wait
     */
    public static EnvLock take(Path dir, Duration wait) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        Path file = folder.resolve(FILE);
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
        try {
            if (!local.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(folder, HELD_HERE.getOrDefault(file, HERE));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(e); // the faces word it by its type (error.interrupted)
        }
        try {
            List<Path> created = EnvState.missingFolders(folder);
            Files.createDirectories(folder);
            created.reversed().forEach(EnvState::likeParent);
            while (true) {
                String[] holder = {null};
                EnvLock held = tryOnce(file, local, created, holder);
                if (held != null) {
                    return held;
                }
                if (System.nanoTime() - deadline > 0) {
                    throw busy(folder, holder[0]);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            local.release();
            Thread.currentThread().interrupt();
            throw stopped(e); // the faces word it by its type (error.interrupted)
        } catch (IOException | RuntimeException e) {
            local.release();
            throw e;
        }
    }

    /** @return the lock, or null when it is held elsewhere ({@code holder[0]} then says by whom) or its file was replaced */
    private static EnvLock tryOnce(Path file, Semaphore local, List<Path> created, String[] holder) throws IOException {
        Object key = keyOf(file);
        if (key == null) {
            try {
                Files.createFile(file);
                EnvState.likeParent(file);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: lock theirs
            }
            return null; // look again, now that it exists
        }
        FileChannel channel;
        try {
            // NOFOLLOW: a link planted at the lock's name (a shared machine, root on another user's home) is not followed
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException deleted) {
            return null;
        }
        boolean keep = false;
        try {
            if (!key.equals(keyOf(file))) {
                return null; // replaced between the look and the open
            }
            refuseOdd(file);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                holder[0] = describeHolder(channel);
                return null;
            }
            if (!key.equals(keyOf(file))) {
                lock.release(); // an undo deleted the file while we waited for it: lock the new one
                return null;
            }
            String me = "process " + ProcessHandle.current().pid() + ", since " + SINCE.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            writeHolder(channel, me);
            HELD_HERE.put(file, me);
            keep = true;
            return new EnvLock(file, local, channel, lock, created);
        } finally {
            if (!keep) {
                channel.close();
            }
        }
    }

    /** A hard link to another file, or not a regular file: writing our process id into it could damage that file. */
    private static void refuseOdd(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int links = 1;
        try {
            links = (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            // Windows: no hard links to guard against here
        }
        if (!a.isRegularFile() || links > 1) {
            throw StartupFileException.of(file, "startup.lock.notPlain");
        }
    }

    private static Object keyOf(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : Boolean.TRUE; // Windows has no file key: then only "it exists"
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void writeHolder(FileChannel channel, String holder) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // a full disk: the lock holds all the same; a refusal will only not say who holds it
        }
    }

    private static String describeHolder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(256);
            channel.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            return HOLDER.matcher(text).matches() ? text : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static EnvBusyException busy(Path folder, String holder) {
        java.util.regex.Matcher m = holder == null ? null : HOLDER.matcher(holder);
        if (m != null && m.matches()) {
            return new EnvBusyException(Problem.of("env.busy.process", folder, m.group(1), m.group(2)));
        }
        return new EnvBusyException(Problem.of(HERE.equals(holder) ? "env.busy.here" : "env.busy.unknown", folder));
    }

    /** The folders this lock had to make for its file (they count as made by gosetup, for undo). */
    List<Path> createdFolders() {
        return createdFolders;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        HELD_HERE.remove(file);
        try {
            lock.release();
            channel.close();
        } finally {
            local.release();
        }
    }

    /** Interrupted while waiting: no words of its own (Problems says "stopped before it was done"), its cause kept. */
    private static InterruptedIOException stopped(InterruptedException cause) {
        InterruptedIOException e = new InterruptedIOException();
        e.initCause(cause);
        return e;
    }
}
