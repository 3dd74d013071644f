package dev.gosetup.release;

import dev.gosetup.host.HostInfo;

/** A Go download platform, "linux-amd64". */
public record Platform(String os, String arch) {

    /** "OS-ARCH", as --platform takes it. */
    public static Platform parse(String text) {
        String t = text == null ? "" : text.strip();
        int dash = t.indexOf('-');
        if (dash <= 0 || dash == t.length() - 1 || !t.matches("[a-z0-9]+-[a-z0-9]+")) {
            throw new dev.gosetup.i18n.ProblemArgumentException("release.platform.bad", ArchiveName.printable(text));
        }
        return new Platform(t.substring(0, dash), t.substring(dash + 1));
    }

    /** The host's native platform; null when detection could not tell the arch. */
    public static Platform of(HostInfo host) {
        return host.os() == null || host.arch() == null ? null : new Platform(host.os(), host.arch());
    }

    @Override
    public String toString() {
        return os + "-" + arch;
    }
}
