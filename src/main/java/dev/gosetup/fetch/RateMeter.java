package dev.gosetup.fetch;

/** Bytes per second over the last few seconds (exponentially weighted), and progress reports at most every 100 ms. */
final class RateMeter {
    private final ProgressListener listener;
    private final long total;
    private long lastReportNanos;
    private long lastReportBytes;
    private double rate;

    RateMeter(ProgressListener listener, long total, long startBytes) {
        this.listener = listener;
        this.total = total;
        this.lastReportNanos = System.nanoTime();
        this.lastReportBytes = startBytes;
    }

    void update(long done, boolean force) {
        long now = System.nanoTime();
        long elapsed = now - lastReportNanos;
        if (!force && elapsed < 100_000_000L) {
            return;
        }
        if (elapsed > 0) {
            double instant = (done - lastReportBytes) * 1e9 / elapsed;
            rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
        }
        lastReportNanos = now;
        lastReportBytes = done;
        listener.bytes(done, total, rate);
    }
}
