package dev.gosetup.cli;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import dev.gosetup.mirror.MirrorBuilder;
import dev.gosetup.mirror.MirrorEntry;
import dev.gosetup.signature.Verification;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress of a mirror build: the archives being downloaded (a few at once) on one line that is redrawn, at a
 * terminal; each archive stored or refused on a line of its own, for people and scripts alike.
 */
final class MirrorProgress implements MirrorBuilder.Listener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Messages m;
    private final boolean terminal;
    private final Map<String, Double> running = new LinkedHashMap<>();
    private boolean drawn;
    private long lastDraw;

    MirrorProgress(PrintWriter out, PrintWriter err, Messages m, boolean terminal) {
        this.out = out;
        this.err = err;
        this.m = m;
        this.terminal = terminal;
    }

    @Override
    public ProgressListener started(MirrorEntry entry) {
        String name = entry.name().name();
        update(name, 0);
        return new ProgressListener() {
            @Override
            public void bytes(long done, long total, double bytesPerSecond) {
                update(name, total > 0 ? (double) done / total : 0);
            }

            @Override
            public void retrying(int attempt, Duration wait, dev.gosetup.i18n.Problem reason) {
                line(err, m.get("cli.mirror.retrying", name, reason, wait));
            }
        };
    }

    @Override
    public synchronized void stored(MirrorEntry entry, Verification v) {
        running.remove(entry.name().name());
        String how = v.signed() ? m.get("cli.mirror.signedBy", v.signer(), v.shortKey())
                : v.outcome() == Verification.Outcome.NOT_CHECKED ? m.get("cli.mirror.signatureOff") : m.get("cli.mirror.noSignature");
        line(out, m.get("cli.mirror.stored", entry.name().name(), new ByteSize(entry.file().size()), how));
    }

    @Override
    public synchronized void failed(MirrorEntry entry, dev.gosetup.i18n.Problem reason) {
        running.remove(entry.name().name());
        line(err, m.get("cli.mirror.failed", entry.name().name(), m.describe(reason)));
    }

    private synchronized void update(String name, double fraction) {
        running.put(name, fraction);
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        StringBuilder s = new StringBuilder("\r");
        running.forEach((n, f) -> s.append(m.get("cli.mirror.progress", n, f)).append("  "));
        err.print(s.append("   "));
        err.flush();
        drawn = true;
    }

    private synchronized void line(PrintWriter w, String text) {
        newline();
        w.println(text);
    }

    synchronized void newline() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
