package dev.gosetup.install;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ChecksumMismatchException;
import dev.gosetup.fetch.FetchResult;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.LocalFile;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.fetch.UrlCredentials;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.signature.SignatureException;
import dev.gosetup.signature.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Installs a Go version: download → hash → unpack into a hidden staging folder at the same time, then
 * commit with one atomic rename only when the digest and size matched. A wrong digest leaves nothing
 * behind; a right one cost no extra pass over the data. A local archive takes the same path.
 *
 * <p>The archive's OpenPGP signature ({@link ArchiveSignatures}) is fetched and its key judged before the
 * download, checked over the same bytes as they arrive, and must be good before the commit; what was verified is
 * recorded in the version's folder ({@link VerificationRecord}) before it becomes the version.
 */
public final class Installer {
    private static final Logger LOG = Logger.getLogger(Installer.class.getName());
    /** An unpacked Go is at most ~4× its archive; ask for a margin on top. */
    private static final long SPACE_FACTOR = 5;
    /** How long a failed download waits for the unpacker to notice and stop. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final SdkRoot sdk;
    private final HttpDownloader downloader;
    private final SafeUnpacker unpacker;
    private final ArchiveSignatures signatures;

    /** An installer that checks the SHA-256 only (signatures off): for tests of the download and unpacking. */
    public Installer(SdkRoot sdk, HttpDownloader downloader, ArchiveLimits limits) {
        this(sdk, downloader, limits, ArchiveSignatures.off());
    }

    public Installer(SdkRoot sdk, HttpDownloader downloader, ArchiveLimits limits, ArchiveSignatures signatures) {
        this.sdk = sdk;
        this.downloader = downloader;
        this.unpacker = new SafeUnpacker(limits);
        this.signatures = signatures;
    }

    public InstallResult install(InstallPlan plan, ProgressListener listener, CancelToken cancel) throws IOException {
        if (!plan.file().hasChecksum()) {
            throw new ChecksumMismatchException(Problem.of("checksum.noDigest", plan.file().filename()));
        }
        try (SdkRoot.Lock ignored = sdk.lock("install " + plan.version().name())) {
            int cleaned = sdk.cleanLeftovers();
            if (cleaned > 0) {
                LOG.info("Removed " + cleaned + " unfinished install folder(s) from " + sdk.path());
            }
            sdk.requireInstallable(plan.version()); // before any download: what is in the way stays, and we say so
            if (sdk.isInstalled(plan.version())) {
                sdk.syncCommands(); // an install from before the go1.X.Y commands gets its command now
                Path dir = sdk.versionDir(plan.version());
                return verify(plan, dir, plan.file().sha256(), plan.file().size(), true, VerificationRecord.readFrom(dir));
            }
            checkSpace(plan);
            // The signature and its key first: a bad or untrusted one stops here, before a byte of the archive.
            ArchiveSignatures.Pending signature = signatures.begin(plan.source(), plan.archiveName().urlSegment());
            Path staging = sdk.newStaging(plan.version());
            boolean committed = false;
            try {
                FetchResult fetched = fetchAndUnpack(plan, staging, signature.sink(), listener, cancel);
                listener.phase("install.phase.verifying");
                String expected = plan.file().sha256().toLowerCase(Locale.ROOT);
                if (plan.file().size() > 0 && fetched.size() != plan.file().size()) {
                    discardDownload(plan);
                    throw new ChecksumMismatchException(Problem.of("checksum.size", plan.file().filename(), fetched.size(),
                            plan.file().size()));
                }
                if (!fetched.sha256().equals(expected)) {
                    discardDownload(plan);
                    throw new ChecksumMismatchException(Problem.of("checksum.mismatch", plan.file().filename(),
                            fetched.sha256(), expected));
                }
                Verification verification;
                try {
                    verification = signature.finish();
                } catch (SignatureException e) {
                    discardDownload(plan); // bytes the signature does not cover: nothing to resume from
                    throw e;
                }
                requireGoLayout(staging, plan);
                VerificationRecord record = new VerificationRecord(plan.file().filename(),
                        UrlCredentials.withoutUserInfo(plan.source()).toString(), expected, fetched.size(), verification,
                        java.time.Instant.now());
                record.writeInto(staging);
                Path dir = sdk.commit(staging, plan.version());
                committed = true;
                LOG.info("Installed " + plan.version().name() + " in " + dir + " (" + plan.file().filename() + ", SHA-256 " + expected
                        + " verified; signature " + verification + ")");
                discardDownload(plan);
                listener.phase("install.phase.checking");
                return verify(plan, dir, fetched.sha256(), fetched.size(), false, java.util.Optional.of(record));
            } finally {
                if (!committed) {
                    SdkRoot.deleteTree(staging);
                }
            }
        }
    }

    /** A safe archive can still be the wrong one (a mirror's error page zipped up): a Go root has VERSION and bin/go. */
    private static void requireGoLayout(Path staging, InstallPlan plan) throws UnsafeArchiveException {
        boolean go = Files.isRegularFile(staging.resolve("bin/go"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(staging.resolve("bin/go.exe"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (!go || !Files.isRegularFile(staging.resolve("VERSION"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException(Problem.of("archive.notGo", plan.file().filename(), go ? "go/VERSION" : "go/bin/go"));
        }
    }

    private void checkSpace(InstallPlan plan) throws IOException {
        FileStore store = Files.getFileStore(sdk.path());
        long need = Math.max(plan.file().size(), 1) * SPACE_FACTOR;
        if (store.getUsableSpace() < need) {
            throw new ProblemException(Problem.of("install.noSpace", sdk.path(), new ByteSize(store.getUsableSpace()),
                    new ByteSize(need)));
        }
    }

    private Path partialFile(InstallPlan plan) throws IOException {
        return sdk.partialDownload(plan.archiveName());
    }

    private void discardDownload(InstallPlan plan) throws IOException {
        if (plan.localArchive() == null) {
            HttpDownloader.discardPartial(partialFile(plan));
        }
    }

    /** The download on this thread, the unpacking on another, joined by a bounded pipe. */
    private FetchResult fetchAndUnpack(InstallPlan plan, Path staging, ByteSink signature, ProgressListener listener,
                                       CancelToken cancel) throws IOException {
        if (plan.isZip()) {
            // A zip's directory is at its end: fetch (hashing) first, then unpack from the file.
            Path file = plan.localArchive() != null ? plan.localArchive() : partialFile(plan);
            FetchResult r = plan.localArchive() != null ? LocalFile.read(plan.localArchive(), signature, listener, cancel)
                    : downloader.fetch(plan.source(), file, plan.file().size(), signature, listener, cancel);
            if (r.sha256().equals(plan.file().sha256().toLowerCase(Locale.ROOT))) {
                listener.phase("install.phase.unpacking");
                unpacker.unpackZip(file, staging, cancel);
            }
            return r;
        }
        // 4 chunks of 128 KiB between the network and the unpacker: 16 made no install faster (loopback, tmpfs) and
        // held 1.5 MiB more.
        ChunkPipe pipe = new ChunkPipe(cancel, ChunkPipe.CHUNKS);
        ExecutorService unpackThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gosetup-unpack");
            t.setDaemon(true);
            return t;
        });
        Future<?> unpacking = unpackThread.submit(() -> {
            InputStream in = pipe.inputStream();
            try {
                unpacker.unpackTarGz(in, staging, cancel);
            } catch (IOException e) {
                // Said before the stream's close drains the rest: the download stops now, not after the whole body.
                pipe.readerFailed(e);
                throw e;
            } finally {
                in.close();
            }
            return null;
        });
        // One pass: each byte goes to the unpacker and to the signature check (the SHA-256 is the downloader's).
        ByteSink unpackSink = pipe.sink();
        ByteSink both = signature == ByteSink.NONE ? unpackSink : (b, off, len) -> {
            signature.write(b, off, len);
            unpackSink.write(b, off, len);
        };
        try {
            FetchResult fetched;
            try {
                fetched = plan.localArchive() != null ? LocalFile.read(plan.localArchive(), both, listener, cancel)
                        : downloader.fetch(plan.source(), partialFile(plan), plan.file().size(), both, listener, cancel);
                pipe.close();
            } catch (IOException e) {
                IOException archiveFailure = pipe.readerFailure();
                pipe.fail();
                stopUnpacking(unpacking); // before the staging folder goes
                if (archiveFailure != null) {
                    // The archive itself is bad and stopped the download: drop what was downloaded too.
                    discardDownload(plan);
                    throw archiveFailure;
                }
                if (e instanceof ChecksumMismatchException) {
                    discardDownload(plan); // wrong bytes (too many of them): nothing to resume from
                }
                throw e; // a network failure: the .partial stays for the next attempt
            }
            IOException unpackFailure = unpackFailure(unpacking);
            if (unpackFailure != null) {
                boolean digestMatches = fetched.sha256().equals(plan.file().sha256().toLowerCase(Locale.ROOT));
                discardDownload(plan);
                if (!digestMatches) {
                    // Wrong bytes are the real story: say so, with both digests.
                    throw new ChecksumMismatchException(Problem.of("checksum.mismatch", plan.file().filename(),
                            fetched.sha256(), plan.file().sha256().toLowerCase(Locale.ROOT)));
                }
                throw unpackFailure;
            }
            return fetched;
        } finally {
            unpackThread.shutdownNow();
        }
    }

    /**
     * The download failed: the unpacker sees that at its next read (the pipe's failure always reaches it) and
     * stops, so a short wait is enough; one that is stuck anyway is interrupted, never waited on for minutes.
     */
    private static void stopUnpacking(Future<?> unpacking) {
        try {
            unpacking.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failedAsExpected) {
            // the download's failure is the story
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warning("The unpacker did not stop within " + STOP_WAIT_SECONDS + " s of a failed download; interrupting it");
            unpacking.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unpacking.cancel(true);
        }
    }

    private static IOException unpackFailure(Future<?> unpacking) throws IOException {
        try {
            unpacking.get(10, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException e) {
            // Not an IOException: a bug in the unpacker; the faces say "error.otherPlain" (its type) or its message, the log has it all.
            return e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelToken.CancelledException();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ProblemException(Problem.of("install.unpackTimeout", Duration.ofMinutes(10)), e);
        }
    }

    /** A local archive read once: hashed and passed on as it is read. */

    /** After install: what bin/go says of itself, and what its header says it was built for. */
    private InstallResult verify(InstallPlan plan, Path dir, String sha256, long size, boolean already,
                                 java.util.Optional<VerificationRecord> verified) {
        Path go = dir.resolve("bin").resolve(plan.file().os().equals("windows") ? "go.exe" : "go");
        String platform = BinaryPlatform.single(go).orElse(null);
        String version = null;
        List<String> env = List.of();
        String here = hostPlatform();
        if (platform != null && platform.equals(here)) {
            version = run(go, "version").stream().findFirst().orElse(null);
            env = run(go, "env", "GOOS", "GOARCH", "GOROOT");
        }
        return new InstallResult(plan.version().name(), dir, sha256, size, version, env, platform, already, verified);
    }

    private static String hostPlatform() {
        String os = dev.gosetup.host.GoArch.goosFromOsName(System.getProperty("os.name"));
        String arch = dev.gosetup.host.GoArch.fromJavaOsArch(System.getProperty("os.arch"));
        return os + "-" + ("armv6l".equals(arch) ? "arm" : arch);
    }

    private static List<String> run(Path go, String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>();
            cmd.add(go.toString());
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            // The new Go must describe itself, not a GOROOT or GOTOOLCHAIN the user has set.
            pb.environment().remove("GOROOT");
            pb.environment().put("GOTOOLCHAIN", "local");
            Process p = pb.start();
            byte[] out = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? new String(out, java.nio.charset.StandardCharsets.UTF_8).lines().toList() : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
