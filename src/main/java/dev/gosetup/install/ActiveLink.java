package dev.gosetup.install;

import dev.gosetup.files.FileOwner;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The link {@code ROOT/go} that names the active version. A relative symbolic link on macOS and Linux,
 * replaced atomically by renaming a new link over it. On Windows a directory junction, as golang.org/dl
 * users and IT expect there: making a symbolic link needs Developer Mode or administrator rights, a
 * junction does not. The JDK cannot make junctions, so {@code mklink /J} does (cmd.exe's built-in).
 */
public interface ActiveLink {

    /** Where the link points (a version folder's name), if {@code link} is such a link. */
    Optional<String> target(Path link);

    /** True when {@code link} is a link of ours (not a real folder someone put there). */
    boolean isLink(Path link);

    /**
     * Points {@code link} at the sibling folder {@code versionDirName}.
     *
     * @param owner whose the new link is (the install root's owner), given before it replaces the old one
     */
    void point(Path link, String versionDirName, FileOwner owner) throws IOException;

    static ActiveLink forThisOs() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? new Junction(Junction::mklink) : new Symlink();
    }

    final class Symlink implements ActiveLink {
        @Override
        public Optional<String> target(Path link) {
            try {
                return Files.isSymbolicLink(link) ? Optional.of(Files.readSymbolicLink(link).getFileName().toString()) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean isLink(Path link) {
            return Files.isSymbolicLink(link);
        }

        @Override
        public void point(Path link, String versionDirName, FileOwner owner) throws IOException {
            Path tmp = link.resolveSibling(".go-link-" + UUID.randomUUID());
            Files.createSymbolicLink(tmp, Path.of(versionDirName));
            try {
                owner.claim(tmp); // the link itself (lchown), not the version it points at
                Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    final class Junction implements ActiveLink {
        /** Makes a junction {@code link} → {@code target} (absolute); a seam, as only Windows can run it. */
        public interface Maker {
            void make(Path link, Path target) throws IOException;
        }

        private final Maker maker;

        public Junction(Maker maker) {
            this.maker = maker;
        }

        @Override
        public Optional<String> target(Path link) {
            if (!isLink(link)) {
                return Optional.empty();
            }
            try {
                return Optional.of(link.toRealPath().getFileName().toString());
            } catch (IOException e) {
                return Optional.empty(); // a junction to a removed folder
            }
        }

        @Override
        public boolean isLink(Path link) {
            try {
                // A junction is a reparse point that is not a symbolic link: NIO reports it as "other".
                BasicFileAttributes a = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return a.isOther() || a.isSymbolicLink();
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * A junction cannot be renamed over another (MoveFileEx refuses a directory as the target), so
         * the new one is made beside the old, the old is removed and the new renamed into place. Between
         * the two steps there is no {@code go} link for a moment; a crash there leaves the new junction
         * under its temporary name, which the next activation replaces.
         */
        @Override
        public void point(Path link, String versionDirName, FileOwner owner) throws IOException {
            // Windows: no uid to give (a junction made by an administrator is readable by the account anyway).
            Path tmp = link.resolveSibling(".go-link-" + UUID.randomUUID());
            maker.make(tmp, link.resolveSibling(versionDirName).toAbsolutePath());
            try {
                if (isLink(link)) {
                    Files.delete(link); // removes the junction itself, never the folder it points to
                }
                Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }

        static void mklink(Path link, Path target) throws IOException {
            Process p = new ProcessBuilder(List.of("cmd.exe", "/d", "/c", "mklink", "/J", link.toString(), target.toString()))
                    .redirectErrorStream(true).start();
            try {
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new ProblemException(Problem.of("install.junctionFailed", link, target, output));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProblemException(Problem.of("error.interrupted"), e);
            }
        }
    }
}
