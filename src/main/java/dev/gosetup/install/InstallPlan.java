package dev.gosetup.install;

import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import java.net.URI;
import java.nio.file.Path;

/**
 * What to install: a version's archive, from a URL or a local file, with the digest and size it must have.
 *
 * @param source       where the bytes come from: an https/http/file URI
 * @param localArchive a local archive (--archive), or null to download {@code source}
 */
public record InstallPlan(GoVersion version, GoFile file, URI source, Path localArchive) {
    /** A plan for a file from a mirror: a {@code file:} URL (a local mirror folder) is read like --archive. */
    public static InstallPlan from(GoVersion version, GoFile file, URI source) {
        Path local = "file".equalsIgnoreCase(source.getScheme()) ? Path.of(source) : null;
        return new InstallPlan(version, file, source, local);
    }

    public boolean isZip() {
        return file.filename().endsWith(".zip");
    }
}
