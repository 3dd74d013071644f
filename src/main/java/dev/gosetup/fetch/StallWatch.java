package dev.gosetup.fetch;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Tells a stalled body from a slow one over a sliding window: the server made no progress when fewer than
 * a minimum number of bytes arrived in the last window. "No byte for 30 s" alone would let a server that
 * trickles 10 bytes a second keep a 70 MB download going for months.
 */
final class StallWatch {
    /** Less than this in a whole window is no progress (unless less than this is all that is left). */
    static final long MIN_BYTES_PER_WINDOW = 16 * 1024;

    private final long windowNanos;
    private final long remaining;
    /** (time, bytes) samples; the first is the newest one at least a window old. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private long windowBytes;

    /**
     * @param remaining the bytes still to come, or -1 when unknown: a body's last few bytes may take a
     *                  window without being a stall
     */
    StallWatch(Duration window, long remaining, long now, long bytes) {
        this.windowNanos = window.toNanos();
        this.remaining = remaining;
        samples.add(new long[] {now, bytes});
    }

    /** Starts the window again: time spent waiting on our own side (a full pipe) is not the server's. */
    void restart(long now, long bytes) {
        samples.clear();
        samples.add(new long[] {now, bytes});
    }

    /** Takes a sample; true when a whole window has passed with too little progress. */
    boolean stalled(long now, long bytes) {
        samples.addLast(new long[] {now, bytes});
        while (samples.size() > 1 && now - second()[0] >= windowNanos) {
            samples.removeFirst();
        }
        long[] oldest = samples.getFirst();
        if (now - oldest[0] < windowNanos) {
            return false;
        }
        windowBytes = bytes - oldest[1];
        long needed = remaining < 0 ? MIN_BYTES_PER_WINDOW : Math.min(MIN_BYTES_PER_WINDOW, remaining - oldest[1]);
        return windowBytes < Math.max(needed, 1);
    }

    /** What arrived in the last whole window (after {@link #stalled} said so). */
    long windowBytes() {
        return windowBytes;
    }

    private long[] second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
