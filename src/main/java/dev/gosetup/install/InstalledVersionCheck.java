package dev.gosetup.install;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ChecksumMismatchException;
import dev.gosetup.fetch.FetchResult;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.LocalFile;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.fetch.UrlCredentials;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Release;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.signature.Verification;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * The doctor's "check it now" for a version installed before gosetup checked signatures: fetches the version's
 * archive and FILE.asc again, requires a good signature by a trusted key and the release list's SHA-256, then
 * compares every file of the archive with the installed one, byte for byte (by SHA-256). Only when all of it holds
 * is the version recorded as signed ({@link VerificationRecord}); nothing of the installed version is changed
 * otherwise. The archive is a temporary download, deleted afterwards.
 */
public final class InstalledVersionCheck {
    private final SdkRoot sdk;
    private final InstallSources sources;
    private final HttpDownloader downloader;
    private final ArchiveSignatures signatures;

    /** @param signatures used as given; the doctor passes a required check (a signature is what it asks for) */
    public InstalledVersionCheck(SdkRoot sdk, InstallSources sources, HttpDownloader downloader, ArchiveSignatures signatures) {
        this.sdk = sdk;
        this.sources = sources;
        this.downloader = downloader;
        this.signatures = signatures;
    }

    public VerificationRecord check(GoVersion version, ProgressListener listener, CancelToken cancel) throws IOException {
        try (SdkRoot.Lock ignored = sdk.lock("check " + version.name())) {
            if (!sdk.isInstalled(version)) {
                throw new ProblemException(Problem.of("sdk.refusal.notInstalled", version.name(), sdk.path()));
            }
            Path dir = sdk.versionDir(version);
            Path go = Files.isRegularFile(dir.resolve("bin/go.exe")) ? dir.resolve("bin/go.exe") : dir.resolve("bin/go");
            String platform = BinaryPlatform.single(go)
                    .orElseThrow(() -> new ProblemException(Problem.of("verify.noPlatform", go)));
            Release release = sources.catalog().load(sources.releaseList()).list().releases().stream()
                    .filter(r -> r.version().sameAs(version)).findFirst()
                    .orElseThrow(() -> new ProblemException(Problem.of("verify.notListed", version.name(), platform)));
            GoFile file = release.files().stream().filter(GoFile::isArchive)
                    .filter(f -> f.platform().equals(platform) || ("armv6l".equals(f.arch()) && platform.equals(f.os() + "-arm")))
                    .findFirst()
                    .orElseThrow(() -> new ProblemException(Problem.of("verify.notListed", version.name(), platform)));
            InstallPlan plan = sources.plan(version, file);
            ArchiveSignatures.Pending signature = signatures.begin(plan.source(), plan.archiveName().urlSegment());
            Path archive = plan.localArchive() != null ? plan.localArchive() : sdk.partialDownload(plan.archiveName());
            try {
                FetchResult fetched = plan.localArchive() != null ? LocalFile.read(archive, signature.sink(), listener, cancel)
                        : downloader.fetch(plan.source(), archive, file.size(), signature.sink(), listener, cancel);
                String expected = file.sha256().toLowerCase(Locale.ROOT);
                if (!fetched.sha256().equals(expected)) {
                    throw new ChecksumMismatchException(Problem.of("checksum.mismatch", file.filename(), fetched.sha256(), expected));
                }
                Verification verification = signature.finish();
                sameFiles(archive, dir, plan.isZip());
                VerificationRecord record = new VerificationRecord(file.filename(),
                        UrlCredentials.withoutUserInfo(plan.source()).toString(), expected, fetched.size(), verification, Instant.now());
                VerificationRecord.write(dir, record);
                return record;
            } finally {
                if (plan.localArchive() == null) {
                    HttpDownloader.discardPartial(archive);
                }
            }
        }
    }

    /** Every regular file of the archive (go/…) is in {@code dir} with the same bytes; extra files there are not judged. */
    static void sameFiles(Path archive, Path dir, boolean zip) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             ArchiveInputStream<? extends ArchiveEntry> in = zip ? new ZipArchiveInputStream(raw)
                     : new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            ArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory() || e instanceof org.apache.commons.compress.archivers.tar.TarArchiveEntry t && !t.isFile()) {
                    continue;
                }
                String name = e.getName();
                if (!name.startsWith("go/")) {
                    throw new ProblemException(Problem.of("verify.treeDiffers", dir, name));
                }
                Path installed = dir.resolve(name.substring(3)).normalize();
                if (!installed.startsWith(dir) || !Files.isRegularFile(installed, LinkOption.NOFOLLOW_LINKS)
                        || !Arrays.equals(sha256(in), sha256(installed))) {
                    throw new ProblemException(Problem.of("verify.treeDiffers", dir, name.substring(3)));
                }
            }
        }
    }

    private static byte[] sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return sha256(in);
        }
    }

    /** Digests the current entry (or file) without closing the stream. */
    private static byte[] sha256(InputStream in) throws IOException {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            d.update(buf, 0, n);
        }
        return d.digest();
    }
}
