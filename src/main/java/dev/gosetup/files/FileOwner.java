package dev.gosetup.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Whose the files gosetup makes are. Run by root (sudo, an MDM script) on another account's home, a file
 * root creates is root's: that account could no longer edit its own .bashrc, update its Go or remove it.
 * So what gosetup creates gets the owner and group of the folder that holds it (the home for startup files
 * and scripts, the install root for Go): the rule never gives a file to anyone who did not already control
 * the folder it is in. Existing files keep their owner, group and mode exactly ({@link #copy}).
 *
 * <p>Only root can give files away; for everyone else, and where there is no POSIX file system, this is
 * {@link #PROCESS}: new files are the process's, as always.
 */
public final class FileOwner {
    /** New files stay the process's own. */
    public static final FileOwner PROCESS = new FileOwner(-1, -1);

    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private final int uid;
    private final int gid;

    private FileOwner(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
    }

    /**
     * The owner of {@code folder}, or of its nearest existing parent when it is still to be made, for what
     * gosetup creates in it; {@link #PROCESS} unless we are root and that folder is another account's.
     */
    public static FileOwner of(Path folder) throws IOException {
        if (!UNIX || !Root.IS) {
            return PROCESS;
        }
        Path existing = nearestExisting(folder);
        if (existing == null) {
            return PROCESS;
        }
        Map<String, Object> a = Files.readAttributes(existing, "unix:uid,gid");
        int u = (Integer) a.get("uid");
        return u == 0 ? PROCESS : new FileOwner(u, (Integer) a.get("gid"));
    }

    /** Whether files are given away at all (we are root on another account's folder). */
    public boolean givesAway() {
        return uid >= 0;
    }

    /** Gives {@code path} (a link itself, never its target) to this owner. */
    public void claim(Path path) throws IOException {
        if (givesAway()) {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Gives {@code path} and everything below it to this owner; links are not followed. */
    public void claimTree(Path path) throws IOException {
        if (!givesAway() || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                claim(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                claim(file);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** {@code mkdir -p}: every folder it makes is given to this owner (the existing ones are left as they are). */
    public Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (!givesAway() || Files.isDirectory(abs)) {
            return Files.createDirectories(abs);
        }
        Path existing = nearestExisting(abs);
        Files.createDirectories(abs);
        Path made = existing == null ? abs.getRoot() : existing;
        for (Path part : made.relativize(abs)) {
            made = made.resolve(part);
            claim(made);
        }
        return abs;
    }

    /**
     * Gives {@code copy} the owner, group and mode of {@code original} (a file being replaced by a new one
     * written beside it). The owner first: changing it clears set-id bits, which the mode then restores.
     * Not being allowed to (an ordinary user's file in a group it is not in) leaves the process's defaults.
     */
    public static void copy(Path original, Path copy) throws IOException {
        if (!UNIX) {
            return;
        }
        Map<String, Object> a = Files.readAttributes(original, "unix:uid,gid,mode");
        Map<String, Object> now = Files.readAttributes(copy, "unix:uid,gid");
        try {
            if (!a.get("uid").equals(now.get("uid")) || !a.get("gid").equals(now.get("gid"))) {
                Files.setAttribute(copy, "unix:uid", a.get("uid"), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(copy, "unix:gid", a.get("gid"), LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException notAllowed) {
            if (Root.IS) {
                throw notAllowed;
            }
        }
        Files.setAttribute(copy, "unix:mode", a.get("mode"), LinkOption.NOFOLLOW_LINKS);
    }

    /** The user id that owns {@code path} (a link's target: a home may be reached through a link), or -1 where there is none. */
    public static int uidOf(Path path) throws IOException {
        return UNIX ? (Integer) Files.getAttribute(path, "unix:uid") : -1;
    }

    /** "alex (uid 1000)", or "uid 4242" for an id without a name, for messages. */
    public static String describe(Path path) throws IOException {
        int id = uidOf(path);
        String name = Files.getOwner(path).getName();
        return name.equals(String.valueOf(id)) ? "uid " + id : name + " (uid " + id + ")";
    }

    /** Whether this process runs as root: only then can files be given away or be another's to refuse. */
    /**
     * Root working in someone else's home must not be led out of it: a link there (~/sdk, ~/.config/gosetup)
     * that the user points at a folder they do not own (/etc, /usr/local/bin, another account's) would have
     * root write there. Every existing step from {@code home} down to each of {@code places} that is a link
     * must end in a folder the home's owner owns.
     *
     * @return the first such link, described, or empty when all is the user's own (or we are not root)
     */
    public static java.util.Optional<String> linkOutOfHome(Path home, java.util.List<Path> places) throws IOException {
        if (!processIsRoot()) {
            return java.util.Optional.empty();
        }
        int owner = uidOf(home);
        if (owner == 0) {
            return java.util.Optional.empty();
        }
        Path base = home.toAbsolutePath().normalize();
        for (Path place : places) {
            Path p = place.toAbsolutePath().normalize();
            if (!p.startsWith(base)) {
                continue;
            }
            Path step = base;
            for (Path name : base.relativize(p)) {
                step = step.resolve(name);
                if (!java.nio.file.Files.exists(step, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    break;
                }
                if (java.nio.file.Files.isSymbolicLink(step)) {
                    Path real = step.toRealPath();
                    if (uidOf(real) != owner) {
                        return java.util.Optional.of(step + " -> " + real + " (" + describe(real) + ")");
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static boolean processIsRoot() {
        return UNIX && Root.IS;
    }

    private static Path nearestExisting(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    @Override
    public String toString() {
        return givesAway() ? uid + ":" + gid : "process";
    }

    /** Asked once (libc's geteuid, not $USER, which sudo keeps): the effective user does not change while gosetup runs. */
    private static final class Root {
        static final boolean IS = UNIX && dev.gosetup.files.ProcessUser.isRoot();
    }
}
