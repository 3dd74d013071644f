package dev.gosetup.cli;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Messages;
import java.io.PrintWriter;
import java.time.Duration;

/** A one-line progress bar on stderr, for people at a terminal; scripts get clean output. */
final class TerminalProgress implements ProgressListener {
    private final PrintWriter err;
    private final Messages messages;
    private boolean drawn;

    TerminalProgress(PrintWriter err, Messages messages) {
        this.err = err;
        this.messages = messages;
    }

    @Override
    public void bytes(long done, long total, double rate) {
        int width = 30;
        int filled = total > 0 ? (int) (width * done / total) : 0;
        String bar = "#".repeat(filled) + " ".repeat(width - filled);
        String left = total > 0 && rate > 0 ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "--:--";
        // Sizes and the percentage through the bundle: the locale's digits and units (MB, 字节).
        String numbers = total > 0
                ? messages.get("cli.progress.known", (double) done / total, new ByteSize(done), new ByteSize(total), new ByteSize((long) rate), left)
                : messages.get("cli.progress.unknown", new ByteSize(done), new ByteSize((long) rate));
        err.print("\r[" + bar + "] " + numbers + "   ");
        err.flush();
        drawn = true;
    }

    @Override
    public void retrying(int attempt, Duration wait, dev.gosetup.i18n.Problem reason) {
        newline();
        err.println(messages.get("cli.install.retrying", reason, wait));
    }

    @Override
    public void phase(String key) {
        newline();
        err.println(messages.get(key));
    }

    void newline() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }

    private static String format(Duration d) {
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
