package dev.gosetup.install;

import dev.gosetup.files.FileOwner;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The install root, compatible with golang.org/dl: {@code ROOT/go1.22.5} with an empty
 * {@code .unpacked-success} marker, and {@code ROOT/go}, a link to the active version. Hidden
 * {@code .staging-*} folders hold unfinished installs; {@code .gosetup.lock} keeps installs apart.
 *
 * <p>Only what gosetup made is ever deleted or replaced: folders it makes carry {@link #OURS}, and a folder
 * without it (a hand-copied Go, a user's notes) is refused, never cleaned up. What it creates belongs to the
 * root's owner ({@link FileOwner}), also when root installs into another account's ~/sdk.
 */
public final class SdkRoot {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SdkRoot.class.getName());
    public static final String MARKER = ".unpacked-success";
    public static final String ACTIVE_LINK = "go";
    private static final String STAGING_PREFIX = ".staging-";
    private static final String TRASH_PREFIX = ".trash-";
    private static final String LINK_PREFIX = ".go-link-";
    /** In every folder gosetup makes here (staging, and so each version it installs): its mark of ownership. */
    static final String OURS = ".gosetup-made";
    private static final String LOCK_FILE = ".gosetup.lock";
    /**
     * The byte the install lock holds, far past the holder's note at the start of the file: Windows refuses to
     * read a locked range, and the next process must read who holds the lock. Older versions lock the whole
     * file, which includes this byte, so the two still exclude each other.
     */
    private static final long LOCK_BYTE = 1L << 40;

    private final Path root;
    private final ActiveLink link;

    public SdkRoot(Path root) {
        this(root, ActiveLink.forThisOs());
    }

    public SdkRoot(Path root, ActiveLink link) {
        this.root = root.toAbsolutePath().normalize();
        this.link = link;
    }

    /** {@code ~/sdk} ({@code %USERPROFILE%\sdk} on Windows), where golang.org/dl installs. */
    public static SdkRoot inHome(Path home) {
        return new SdkRoot(home.resolve("sdk"));
    }

    public Path path() {
        return root;
    }

    /** The {@code go1.X.Y} commands of this root ({@code ROOT/bin}): links, or .cmd launchers where the active link is a junction. */
    public VersionCommands commands() {
        return new VersionCommands(root, link instanceof ActiveLink.Junction);
    }

    /**
     * Gives every installed version its {@code go1.X.Y} command and drops ours whose version is gone; a name taken
     * by someone's file is left alone (logged). Never fails an install or removal over a command: they are a
     * convenience on top of the version, which is complete without them.
     */
    public void syncCommands() {
        try {
            List<GoVersion> blocked = commands().sync(installed(), owner());
            if (!blocked.isEmpty()) {
                LOG.warning("Not ours, left alone: go1.X.Y commands in " + commands().folder() + " for " + blocked);
            }
        } catch (IOException e) {
            LOG.warning("Could not update the go1.X.Y commands in " + commands().folder() + ": " + e);
        }
    }

    public Path versionDir(GoVersion v) {
        return root.resolve(v.name());
    }

    public Path downloads() {
        return root.resolve(".downloads");
    }

    /** Where the download of {@code name} is kept until it is installed: directly in {@link #downloads()}. */
    public Path partialPath(ArchiveName name) {
        Path partial = downloads().resolve(name.name() + ".partial");
        if (!downloads().equals(partial.getParent())) {
            throw new IllegalStateException(partial + " is not directly in " + downloads());
        }
        return partial;
    }

    /**
     * {@link #partialPath}, with the download folder made if needed. A link (or anything but a folder)
     * there is refused: it would put the downloads, and their deletion, somewhere else.
     */
    Path partialDownload(ArchiveName name) throws IOException {
        Path folder = downloads();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root);
            try {
                Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // said below
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new ProblemException(Problem.of("install.downloadsNotFolder", folder));
        }
        return partialPath(name);
    }

    /** Ours (the marker), or a complete tree of that version put there by hand or by an IDE. */
    public boolean isInstalled(GoVersion v) {
        return Files.isRegularFile(versionDir(v).resolve(MARKER)) || GoTree.holds(versionDir(v), v);
    }

    /** Installed versions (see {@link #isInstalled}), newest first. */
    public List<GoVersion> installed() throws IOException {
        List<GoVersion> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "go*")) {
            for (Path d : dirs) {
                GoVersion.parse(d.getFileName().toString()).filter(v -> isInstalled(v)).ifPresent(out::add);
            }
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /**
     * The newest installed stable patch of a minor line ("1.22": go1.22.12 over go1.22.5), as {@code install 1.22}
     * chooses from the release list; empty when none of that line is installed.
     */
    public Optional<GoVersion> newestInstalledOfLine(String line) throws IOException {
        return installed().stream().filter(GoVersion::isStable).filter(v -> v.line().equals(line)).findFirst();
    }

    /** The version the {@code go} link points at. */
    public Optional<GoVersion> active() {
        return link.target(root.resolve(ACTIVE_LINK)).flatMap(GoVersion::parse);
    }

    /**
     * Switches {@code ROOT/go} to a version atomically: a new link is made beside it and renamed over it. The
     * activation is recorded in the {@link #history()} (for {@code rollback}).
     */
    public void activate(GoVersion v) throws IOException {
        Optional<GoVersion> before = active();
        point(v);
        history().recordActivation(before, v, owner());
    }

    /**
     * Makes {@code v}, an earlier active version, active again and drops the activations after it from the
     * history: a second rollback goes one step further back.
     */
    public void rollBackTo(GoVersion v) throws IOException {
        point(v);
        history().recordRollback(v, owner());
    }

    private void point(GoVersion v) throws IOException {
        if (!isInstalled(v)) {
            throw notInstalled(v);
        }
        requireActiveLinkOrNothing();
        try {
            link.point(root.resolve(ACTIVE_LINK), v.name(), owner());
        } catch (IOException e) {
            throw readOnlyOr(e);
        }
    }

    /** The versions this root's active link was pointed at, for {@code rollback}. */
    public ActivationHistory history() {
        return new ActivationHistory(root);
    }

    /** ROOT/go must be our link or absent: a real folder there is someone's Go, never replaced. */
    public void requireActiveLinkOrNothing() throws SdkRefusal {
        Path active = root.resolve(ACTIVE_LINK);
        if (Files.exists(active, LinkOption.NOFOLLOW_LINKS) && !link.isLink(active)) {
            throw SdkRefusal.activeIsFolder(active);
        }
    }

    /**
     * Refuses, before anything is downloaded, an install that would have to replace what gosetup did not
     * make: a folder of the version's name without gosetup's marks, or a real folder where ROOT/go (the
     * active link) belongs.
     */
    public void requireInstallable(GoVersion v) throws SdkRefusal {
        requireActiveLinkOrNothing();
        Path dir = versionDir(v);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isInstalled(v) && !ours(dir)) {
            throw SdkRefusal.notOurs(dir);
        }
    }

    /** Whether {@code dir} is a real folder gosetup made (it carries {@link #OURS}); links are not followed. */
    private static boolean ours(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(dir.resolve(OURS), LinkOption.NOFOLLOW_LINKS);
    }

    /** A version that is not installed: a folder of its name without the marker is not one, and is not ours to touch. */
    private SdkRefusal notInstalled(GoVersion v) {
        Path dir = versionDir(v);
        return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !ours(dir) ? SdkRefusal.notOurs(dir) : SdkRefusal.notInstalled(v, root);
    }

    /** Whose what gosetup creates here is: the root's owner (or its parent's, before it exists). */
    FileOwner owner() throws IOException {
        return FileOwner.of(root);
    }

    /** Removes an installed version; never the active one. */
    public void remove(GoVersion v) throws IOException {
        if (active().map(a -> a.sameAs(v)).orElse(false)) {
            throw SdkRefusal.active(v);
        }
        Path dir = versionDir(v);
        if (!isInstalled(v) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw notInstalled(v);
        }
        // Marked first (golang.org/dl's installs lack the mark), so that trash left by an interrupted delete is
        // recognisably ours; renamed next: the version disappears at once, even if deleting 12,000 files is cut short.
        markOurs(dir);
        Path trash = root.resolve(TRASH_PREFIX + v.name() + "-" + UUID.randomUUID());
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        syncCommands(); // its go1.X.Y command goes with it, before the long delete
        deleteTree(trash);
    }

    private static void markOurs(Path dir) throws IOException {
        Path mark = dir.resolve(OURS);
        if (!Files.exists(mark, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(mark, "Made by Go Setup Assistant (gosetup).\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        }
    }

    /** A new hidden staging folder for one install. */
    Path newStaging(GoVersion v) throws IOException {
        FileOwner owner = owner();
        owner.createDirectories(root);
        Path staging = Files.createDirectory(root.resolve(STAGING_PREFIX + v.name() + "-" + UUID.randomUUID()));
        markOurs(staging);
        owner.claimTree(staging);
        return staging;
    }

    /** Makes a finished staging folder the version: the marker last, then one atomic rename. */
    Path commit(Path staging, GoVersion v) throws IOException {
        Files.createFile(staging.resolve(MARKER));
        // One walk over the finished tree (12,000 files for a Go) rather than a step in every write of the unpacker.
        owner().claimTree(staging);
        Path target = versionDir(v);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (isInstalled(v)) {
                throw new ProblemException(Problem.of("install.alreadyThere", target));
            }
            if (!ours(target)) {
                throw SdkRefusal.notOurs(target); // someone's folder: kept as it is, the install is not made
            }
            // gosetup's own folder without the success marker: a broken earlier install, replaced.
            Path trash = root.resolve(TRASH_PREFIX + v.name() + "-" + UUID.randomUUID());
            Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(trash);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ProblemException(Problem.of("install.noAtomicRename", root), e);
        }
        syncCommands();
        return target;
    }

    /**
     * Staging and trash left by a crash or kill: safe to delete while we hold the lock. Only what gosetup
     * made: a folder with one of its names but without its mark (a user's {@code .staging-notes}) stays, and
     * a {@code .go-link-*} is removed only when it is a link (the link only, never its target).
     */
    public int cleanLeftovers() throws IOException {
        int n = 0;
        for (Path p : leftovers()) {
            if (p.getFileName().toString().startsWith(LINK_PREFIX)) {
                Files.deleteIfExists(p);
            } else {
                deleteTree(p);
            }
            n++;
        }
        return n;
    }

    /**
     * What {@link #cleanLeftovers} would delete: staging and trash folders with gosetup's mark, and
     * {@code .go-link-*} links. Read without the lock (for a preview); delete only under it.
     */
    public List<Path> leftovers() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(STAGING_PREFIX) || name.startsWith(TRASH_PREFIX) || name.startsWith(LINK_PREFIX);
        })) {
            for (Path p : entries) {
                boolean isLinkName = p.getFileName().toString().startsWith(LINK_PREFIX);
                if (isLinkName ? !link.isLink(p) : !ours(p)) {
                    continue; // a user's folder that happens to have one of our names
                }
                out.add(p);
            }
        }
        out.sort(null);
        return out;
    }

    /** Whether {@code name} in the root is one gosetup uses for itself (lock, downloads, commands, link, history, leftovers). */
    public static boolean ownName(String name) {
        return name.equals(ACTIVE_LINK) || name.equals(LOCK_FILE) || name.equals(".downloads") || name.equals(VersionCommands.FOLDER)
                || name.equals(ActivationHistory.FILE)
                || name.startsWith(STAGING_PREFIX) || name.startsWith(TRASH_PREFIX) || name.startsWith(LINK_PREFIX);
    }

    /** Holds the install lock; another process gets an answer at once instead of a race. */
    public Lock lock() throws IOException {
        return lock("gosetup");
    }

    /**
     * Holds the install lock, noting in the lock file who holds it (pid, since when, {@code what}) so that
     * another process can say so instead of just "busy".
     *
     * @param what what this process does, e.g. "install go1.22.5", for the other's message
     */
    public Lock lock(String what) throws IOException {
        Path file = root.resolve(LOCK_FILE);
        FileOwner owner = owner();
        FileChannel channel;
        try {
            owner.createDirectories(root);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            owner.claim(file);
        } catch (IOException e) {
            throw readOnlyOr(e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock(LOCK_BYTE, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            Properties holder = holder(channel);
            channel.close();
            throw InstallBusyException.heldBy(root, holder);
        }
        try {
            Properties me = new Properties();
            me.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
            me.setProperty("since", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            me.setProperty("command", what);
            StringWriter text = new StringWriter();
            me.store(text, "Held by this gosetup while it changes " + root);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new Lock(channel, lock, owner, downloads());
    }

    private static Properties holder(FileChannel channel) {
        Properties p = new Properties();
        try {
            ByteBuffer buf = ByteBuffer.allocate(4096); // a note of three short lines; more is not ours
            channel.read(buf, 0);
            p.load(new StringReader(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException unreadable) {
            p.clear();
        }
        return p;
    }

    /**
     * A write that failed in a root that cannot be written says which folder is read-only (the root, or the
     * parent it would be made in) and what to do, not just which file could not be made.
     */
    private IOException readOnlyOr(IOException e) {
        Path p = root;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && !Files.isWritable(p) ? SdkRefusal.readOnly(root, p) : e;
    }

    /**
     * The held install lock. Releasing it also gives the root's owner what this process left in
     * {@code .downloads} (a kept {@code .partial} and its validator): root's download must stay resumable
     * by the account whose ~/sdk it is.
     */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final FileOwner owner;
        private final Path downloads;

        private Lock(FileChannel channel, FileLock lock, FileOwner owner, Path downloads) {
            this.channel = channel;
            this.lock = lock;
            this.owner = owner;
            this.downloads = downloads;
        }

        @Override
        public void close() throws IOException {
            try {
                owner.claimTree(downloads);
            } finally {
                try {
                    channel.truncate(0); // the note names a holder only while there is one
                } finally {
                    lock.release();
                    channel.close();
                }
            }
        }
    }

    /** Another gosetup holds the lock: who, since when and doing what, when it noted it. */
    public static final class InstallBusyException extends SdkRefusal {
        private InstallBusyException(String key, Object... args) {
            super(key, args);
        }

        static InstallBusyException heldBy(Path root, Properties note) {
            String pid = note.getProperty("pid");
            if (pid == null) {
                return new InstallBusyException("sdk.refusal.busyUnknown", root); // an older gosetup, or not noted yet
            }
            return new InstallBusyException("sdk.refusal.busy", shown(pid), shown(note.getProperty("since", "?")),
                    shown(note.getProperty("command", "gosetup")), root);
        }

        /** The note is a file anyone who can write the root can edit: at most a short line of printable text. */
        private static String shown(String value) {
            return value.codePoints().filter(c -> !Character.isISOControl(c)).limit(80)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        }
    }

    /** Deletes a tree without following links; files in parallel (a Go tree is 11,800 of them), see TreeRemover. */
    static void deleteTree(Path dir) throws IOException {
        TreeRemover.delete(dir);
    }
}
