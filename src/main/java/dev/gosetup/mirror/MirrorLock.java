package dev.gosetup.mirror;

import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One builder per mirror folder at a time, as the install root's lock does it: an OS file lock on
 * {@code .gosetup-mirror.lock} in the folder (released by the OS when the process dies, so a killed build never
 * blocks the next), noting the holder's pid and start so that the other can say who is at work.
 */
final class MirrorLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private MirrorLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MirrorLock take(MirrorLayout layout) throws IOException {
        FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            ByteBuffer buf = ByteBuffer.allocate(200);
            try {
                channel.read(buf, 0);
            } catch (IOException unreadable) {
                buf.clear();
            }
            channel.close();
            String holder = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip()
                    .replaceAll("[^\\x20-\\x7e]", "?");
            throw new MirrorException.Busy(Problem.of("mirror.busy", layout.dir(), holder.isEmpty() ? "?" : holder));
        }
        String note = "pid " + ProcessHandle.current().pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8)), 0);
        return new MirrorLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            lock.release();
            channel.close();
        }
    }
}
