package dev.gosetup.mirror;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ChecksumMismatchException;
import dev.gosetup.fetch.FetchResult;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.LocalFile;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.files.AtomicFiles;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import dev.gosetup.i18n.Reported;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.Release;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.signature.Strictness;
import dev.gosetup.signature.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds a mirror folder from an upstream (go.dev and dl.google.com, another mirror, or a local folder): each
 * selected archive through the normal download pipeline ({@link HttpDownloader}: proxy, stall timeouts, retries,
 * {@code .partial} + resume; a local folder is read as {@code install} reads one), checked against the upstream
 * list's SHA-256 and size and against its OpenPGP signature under the effective strictness, then moved into place
 * under its final name in one rename. A half file never has an archive's name.
 *
 * <p>Incremental: what is there and verified stays (its digest comes from {@link HashCache} when its size and time
 * are unchanged); only missing and damaged archives are fetched, a few at a time. The release list and index.html
 * are written last and list only what is there and verified, so a client reading the folder mid-build sees the
 * previous, consistent list. Held by a lock: two builds of one folder never interleave.
 */
public final class MirrorBuilder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MirrorBuilder.class.getName());
    private static final int MAX_LIST_BYTES = 32 * 1024 * 1024;
    /**
     * What the folder publishes is readable by everyone: a web server (nginx as www-data, a sync agent) reads it.
     * AtomicFiles' temporary file would otherwise leave it 0600.
     */
    static final Set<java.nio.file.attribute.PosixFilePermission> PUBLISHED =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    /** What a build reports as it goes (from worker threads). */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** Progress of one archive's download; called when it starts. */
        default ProgressListener started(MirrorEntry entry) {
            return ProgressListener.NONE;
        }

        /** The archive is stored (or its signature added) and verified. */
        default void stored(MirrorEntry entry, Verification verification) {}

        /** The archive could not be stored; the others go on. */
        default void failed(MirrorEntry entry, Problem reason) {}
    }

    /** An archive that could not be stored, and why ({@code error} for the exit code: checksum, signature, network). */
    public record Failure(MirrorEntry entry, Problem reason, IOException error) {}

    /**
     * @param listed the archives the new release list holds
     * @param pruned stale archives deleted (with --prune)
     * @param keptForeign stale archives that gosetup did not write, left alone even with --prune
     */
    public record Result(List<MirrorEntry> stored, List<MirrorEntry> listed, List<Failure> failures, List<MirrorEntry> pruned,
                         List<MirrorEntry> keptForeign) {}

    private final MirrorLayout layout;
    private final HttpDownloader downloader;
    private final ArchiveSignatures signatures;
    private final String fileMirror;
    private final MirrorLock lock;
    private final HashCache cache;

    private MirrorBuilder(MirrorLayout layout, HttpDownloader downloader, ArchiveSignatures signatures, String fileMirror,
                          MirrorLock lock) {
        this.layout = layout;
        this.downloader = downloader;
        this.signatures = signatures;
        this.fileMirror = fileMirror;
        this.lock = lock;
        this.cache = HashCache.load(layout.hashes());
    }

    /**
     * Checks the folder (not a link, the user's own), makes it when it does not exist, and takes its lock.
     *
     * @param fileMirror where archives come from: a URL, a folder or a {@code file:} URL; null for dl.google.com
     * @throws MirrorException.Busy another gosetup builds this folder
     */
    public static MirrorBuilder open(MirrorLayout layout, HttpDownloader downloader, ArchiveSignatures signatures,
                                     String fileMirror) throws IOException {
        layout.checkUsable();
        Files.createDirectories(layout.dir());
        layout.checkUsable(); // again: the folder made (or found) must still be a plain folder of ours
        if (Files.isSymbolicLink(layout.partials())) { // downloads would land wherever it points
            throw new MirrorException(Problem.of("mirror.dir.link", layout.partials(), layout.partials().toRealPath()));
        }
        return new MirrorBuilder(layout, downloader, signatures, fileMirror, MirrorLock.take(layout));
    }

    /** What the folder has of the selection, what earlier builds left that is no longer selected. */
    public MirrorPlan plan(MirrorSelection selection, CancelToken cancel) throws IOException {
        List<MirrorPlan.Item> items = new ArrayList<>();
        Set<String> selected = new HashSet<>();
        for (MirrorEntry e : selection.entries()) {
            cancel.throwIfCancelled();
            selected.add(e.name().name());
            MirrorPlan.State state;
            if (!Files.exists(layout.archive(e.name()), LinkOption.NOFOLLOW_LINKS)) {
                state = MirrorPlan.State.MISSING;
            } else if (!intact(e, cancel)) {
                state = MirrorPlan.State.DAMAGED;
            } else if (signatures.strictness() != Strictness.OFF && !Files.isRegularFile(layout.asc(e.name()), LinkOption.NOFOLLOW_LINKS)
                    && (signatures.strictness() == Strictness.REQUIRED || !cache.knownUnsigned(e.name().name()))) {
                // Stored while signatures were off, or by an older build: ask upstream once. Under if-available an
                // upstream that had none is not asked again on every run; "required" keeps asking (it needs one).
                state = MirrorPlan.State.UNSIGNED;
            } else {
                state = MirrorPlan.State.PRESENT;
            }
            items.add(new MirrorPlan.Item(e, state));
        }
        List<MirrorEntry> stale = new ArrayList<>();
        for (MirrorEntry e : listedNow()) {
            if (!selected.contains(e.name().name()) && Files.isRegularFile(layout.archive(e.name()), LinkOption.NOFOLLOW_LINKS)) {
                stale.add(e);
            }
        }
        return new MirrorPlan(items, stale, selection.skipped());
    }

    /**
     * Stores what the plan says is missing or damaged ({@code jobs} at a time), writes the release list and the
     * index, then (with {@code prune}) deletes stale archives that gosetup wrote. Failures of single archives are
     * collected, not thrown: the list then holds everything else.
     *
     * @param indexLanguage the language of index.html
     * @throws CancelToken.CancelledException when cancelled; the folder keeps its previous list
     */
    public Result build(MirrorPlan plan, int jobs, boolean prune, Messages indexLanguage, Listener listener, CancelToken cancel)
            throws IOException {
        List<MirrorPlan.Item> work = plan.items().stream().filter(i -> i.state() != MirrorPlan.State.PRESENT).toList();
        List<MirrorEntry> stored = Collections.synchronizedList(new ArrayList<>());
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, 8)), r -> {
            Thread t = new Thread(r, "gosetup-mirror");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (MirrorPlan.Item item : work) {
                running.add(pool.submit(() -> {
                    try {
                        Verification v = item.fetches() ? store(item.entry(), listener.started(item.entry()), cancel)
                                : addSignature(item.entry(), cancel);
                        if (v.outcome() == Verification.Outcome.NO_SIGNATURE && v.absence() == Verification.Absence.NONE_PUBLISHED) {
                            cache.noSignature(item.entry().name().name());
                        }
                        if (item.fetches() || v.signed()) { // an archive kept as it was is not news, unless it gained a signature
                            stored.add(item.entry());
                            listener.stored(item.entry(), v);
                        }
                    } catch (CancelToken.CancelledException e) {
                        throw e;
                    } catch (IOException | RuntimeException e) {
                        if (cancel.isCancelled()) {
                            throw new CancelToken.CancelledException();
                        }
                        LOG.log(Level.WARNING, "Mirror: " + item.entry().name() + " not stored", e);
                        Problem reason = e instanceof Reported r ? r.problem() : Problems.of(e);
                        failures.add(new Failure(item.entry(), reason, e instanceof IOException io ? io : new IOException(e)));
                        listener.failed(item.entry(), reason);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    cancel.cancel();
                    Thread.currentThread().interrupt();
                    throw new CancelToken.CancelledException();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        cancel.throwIfCancelled();

        Set<String> failed = new HashSet<>();
        failures.forEach(f -> failed.add(f.entry().name().name()));
        List<MirrorEntry> listed = new ArrayList<>();
        for (MirrorPlan.Item i : plan.items()) {
            if (!failed.contains(i.entry().name().name())) {
                listed.add(i.entry());
            }
        }
        List<MirrorEntry> pruned = new ArrayList<>();
        List<MirrorEntry> keptForeign = new ArrayList<>();
        for (MirrorEntry s : plan.stale()) {
            if (prune && cache.ours(s.name().name())) {
                pruned.add(s);
            } else {
                if (prune) {
                    keptForeign.add(s);
                }
                if (intact(s, cancel)) { // kept: listed while it is there and still the bytes it was
                    listed.add(s);
                }
            }
        }
        writeListAndIndex(listed, indexLanguage);
        for (MirrorEntry s : pruned) { // after the new list no longer names them: a client never sees a listed file vanish
            Files.deleteIfExists(layout.archive(s.name()));
            Files.deleteIfExists(layout.sha256(s.name()));
            Files.deleteIfExists(layout.asc(s.name()));
            cache.forget(s.name().name());
        }
        cache.save();
        return new Result(List.copyOf(stored), List.copyOf(listed), List.copyOf(failures), pruned, keptForeign);
    }

    private void writeListAndIndex(List<MirrorEntry> listed, Messages language) throws IOException {
        Set<String> signed = new HashSet<>();
        for (MirrorEntry e : listed) {
            if (Files.isRegularFile(layout.asc(e.name()), LinkOption.NOFOLLOW_LINKS)) {
                signed.add(e.name().name());
            }
        }
        cache.save();
        AtomicFiles.write(layout.list(), ReleaseListFile.render(listed), PUBLISHED);
        AtomicFiles.write(layout.index(), IndexPage.render(listed, signed, language), PUBLISHED);
    }

    /** Whether the archive is there with the list's size and SHA-256 (from the cache when unchanged), its .sha256 put right. */
    private boolean intact(MirrorEntry e, CancelToken cancel) throws IOException {
        Path file = layout.archive(e.name());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != e.file().size()) {
            return false;
        }
        String name = e.name().name();
        Optional<String> known = cache.digest(name, file);
        String sha;
        if (known.isPresent()) {
            sha = known.get();
        } else {
            sha = LocalFile.read(file, ByteSink.NONE, ProgressListener.NONE, cancel).sha256();
            cache.record(name, file, sha);
        }
        boolean ok = sha.equalsIgnoreCase(e.file().sha256());
        if (ok) {
            writeShaFile(e);
        }
        return ok;
    }

    /** FILE.sha256 as dl.google.com serves it: the bare lower-case hex digest, no newline; rewritten only when it differs. */
    private void writeShaFile(MirrorEntry e) throws IOException {
        Path p = layout.sha256(e.name());
        byte[] want = e.file().sha256().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == want.length
                && java.util.Arrays.equals(Files.readAllBytes(p), want)) {
            return;
        }
        AtomicFiles.write(p, want, PUBLISHED);
    }

    private URI source(MirrorEntry e) {
        return ReleaseCatalog.fileUri(fileMirror, e.name());
    }

    /** Downloads, verifies and stores one archive (with its .sha256 and .asc). */
    private Verification store(MirrorEntry e, ProgressListener progress, CancelToken cancel) throws IOException {
        URI from = source(e);
        ArchiveSignatures.Pending signature = signatures.begin(from, e.name().urlSegment());
        Path partial = layout.partial(e.name());
        Files.createDirectories(partial.getParent());
        GoFile f = e.file();
        FetchResult r;
        if ("file".equalsIgnoreCase(from.getScheme())) {
            HttpDownloader.discardPartial(partial);
            r = copyLocal(Path.of(from), partial, f.size(), signature.sink(), progress, cancel);
        } else {
            r = downloader.fetch(from, partial, f.size(), signature.sink(), progress, cancel);
        }
        Verification v;
        try {
            if (r.size() != f.size()) {
                throw new ChecksumMismatchException(Problem.of("mirror.size", e.name().name(), r.size(), f.size()));
            }
            if (!r.sha256().equalsIgnoreCase(f.sha256())) {
                throw new ChecksumMismatchException(Problem.of("mirror.mismatch", e.name().name(), r.sha256(),
                        f.sha256().toLowerCase(Locale.ROOT)));
            }
            v = signature.finish();
        } catch (IOException bad) {
            HttpDownloader.discardPartial(partial); // wrong bytes are never resumed from
            throw bad;
        }
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            ch.force(true); // on disk before it gets the final name
        }
        Optional<byte[]> asc = signature.signatureFile();
        if (asc.isPresent()) {
            AtomicFiles.write(layout.asc(e.name()), asc.get(), PUBLISHED);
        } else {
            Files.deleteIfExists(layout.asc(e.name())); // an old signature of other bytes must not stay beside these
        }
        Path target = layout.archive(e.name());
        if (Files.getFileAttributeView(partial, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(partial, PUBLISHED); // whatever the umask: the web server must read it
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e2) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        HttpDownloader.discardPartial(partial);
        cache.record(e.name().name(), target, r.sha256().toLowerCase(Locale.ROOT));
        writeShaFile(e);
        return v;
    }

    /** An archive already stored, whose FILE.asc was missing: fetched from upstream and checked against the stored bytes. */
    private Verification addSignature(MirrorEntry e, CancelToken cancel) throws IOException {
        ArchiveSignatures.Pending signature = signatures.begin(source(e), e.name().urlSegment());
        Optional<byte[]> asc = signature.signatureFile();
        if (asc.isEmpty()) {
            return signature.finish(); // none published (under if-available; "required" has thrown already)
        }
        FetchResult r = LocalFile.read(layout.archive(e.name()), signature.sink(), ProgressListener.NONE, cancel);
        if (!r.sha256().equalsIgnoreCase(e.file().sha256())) {
            throw new ChecksumMismatchException(Problem.of("mirror.mismatch", e.name().name(), r.sha256(), e.file().sha256()));
        }
        Verification v = signature.finish();
        AtomicFiles.write(layout.asc(e.name()), asc.get(), PUBLISHED);
        return v;
    }

    /** A local upstream's file into the .partial, never more than the list's size. */
    private static FetchResult copyLocal(Path file, Path partial, long size, ByteSink check, ProgressListener progress,
                                         CancelToken cancel) throws IOException {
        try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            long[] written = {0};
            return LocalFile.read(file, (buf, off, len) -> {
                written[0] += len;
                if (written[0] > size) {
                    throw new ChecksumMismatchException(Problem.of("checksum.tooLong", size));
                }
                out.write(buf, off, len);
                check.write(buf, off, len);
            }, progress, cancel);
        } catch (IOException e) {
            HttpDownloader.discardPartial(partial);
            throw e;
        }
    }

    /** The archives the folder's current release list names (checked names only); empty when it has none or a bad one. */
    private List<MirrorEntry> listedNow() {
        Path list = layout.list();
        if (!Files.isRegularFile(list, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(list, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_LIST_BYTES + 1);
            if (bytes.length > MAX_LIST_BYTES) {
                return List.of();
            }
            return entriesOf(ReleaseList.parse(new java.io.ByteArrayInputStream(bytes), list.toString()));
        } catch (IOException | RuntimeException unusable) {
            LOG.log(Level.INFO, "Mirror: the folder's own list " + list + " is unusable; no stale archives known", unusable);
            return List.of();
        }
    }

    /** Every usable archive entry of a list: a checked name, a digest and a size. */
    static List<MirrorEntry> entriesOf(ReleaseList list) {
        List<MirrorEntry> out = new ArrayList<>();
        for (Release r : list.releases()) {
            for (GoFile f : r.files()) {
                if (f.hasChecksum() && f.size() > 0 && ArchiveName.problem(r.version(), f).isEmpty()) {
                    out.add(new MirrorEntry(r.version(), r.stable(), f, ArchiveName.of(r.version(), f)));
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
