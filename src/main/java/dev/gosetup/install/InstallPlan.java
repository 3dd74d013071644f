package dev.gosetup.install;

import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.ReleaseCatalog;
import java.net.URI;
import java.nio.file.Path;

/**
 * What to install: a version's archive, from a URL or a local file, with the digest and size it must have.
 * A plan exists only for a file whose name passes {@link ArchiveName}: a release list entry that does not
 * is refused here, before anything is fetched or made.
 *
 * @param source       where the bytes come from: an https/http/file URI
 * @param localArchive a local archive (--archive), or null to download {@code source}
 * @throws dev.gosetup.release.ReleaseListException when the file's entry is unusable
 */
public record InstallPlan(GoVersion version, GoFile file, URI source, Path localArchive) {
    public InstallPlan {
        ArchiveName.of(version, file);
    }

    /**
     * A plan for a file from a mirror ({@code null} for dl.google.com): a {@code file:} URL or a plain folder
     * (a local mirror) is read like --archive.
     */
    public static InstallPlan from(GoVersion version, GoFile file, String mirror) {
        URI source = ReleaseCatalog.fileUri(mirror, ArchiveName.of(version, file));
        Path local = "file".equalsIgnoreCase(source.getScheme()) ? Path.of(source) : null;
        return new InstallPlan(version, file, source, local);
    }

    /** The file's checked name: what the download folder's files are named after. */
    public ArchiveName archiveName() {
        return ArchiveName.of(version, file);
    }

    public boolean isZip() {
        return archiveName().isZip();
    }
}
