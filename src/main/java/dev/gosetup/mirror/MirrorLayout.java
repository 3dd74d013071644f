package dev.gosetup.mirror;

import dev.gosetup.i18n.Problem;
import dev.gosetup.release.ArchiveName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where things are in a mirror folder. The visible part is what go.dev/dl and dl.google.com serve, so any static
 * web server can serve the folder as it is: {@code FILE}, {@code FILE.sha256} (the bare hex digest, as
 * dl.google.com has it), {@code FILE.asc} when upstream signs it, the release list {@code dl.json} in go.dev's
 * JSON schema and {@code index.html} for people. A client points {@code --catalog URL/dl.json --mirror URL/} (or
 * the policy's {@code releaseList}/{@code fileMirror}) at it; a local copy works with {@code --catalog DIR/dl.json}
 * alone, since archives are looked for beside a local list.
 *
 * <p>gosetup's own bookkeeping is hidden (dot files): the lock, the hash cache, the downloads in progress.
 */
public record MirrorLayout(Path dir) {
    /** The release list; the name the offline copies of go.dev/dl (make-go-mirror.sh) use too. */
    public static final String LIST = "dl.json";
    public static final String INDEX = "index.html";
    static final String LOCK = ".gosetup-mirror.lock";
    static final String HASHES = ".gosetup-mirror-hashes.json";
    static final String PARTIALS = ".gosetup-partial";
    /** What gosetup itself keeps in the folder: never "unexpected", never served as Go files. */
    static final Set<String> OWN = Set.of(LIST, INDEX, LOCK, HASHES, PARTIALS);

    public Path list() {
        return dir.resolve(LIST);
    }

    public Path index() {
        return dir.resolve(INDEX);
    }

    Path lockFile() {
        return dir.resolve(LOCK);
    }

    Path hashes() {
        return dir.resolve(HASHES);
    }

    Path partials() {
        return dir.resolve(PARTIALS);
    }

    /** Names come only from {@link ArchiveName}: a checked name has no separator and no "..", so it stays in dir. */
    public Path archive(ArchiveName name) {
        return dir.resolve(name.name());
    }

    public Path sha256(ArchiveName name) {
        return dir.resolve(name.name() + ".sha256");
    }

    public Path asc(ArchiveName name) {
        return dir.resolve(name.name() + ".asc");
    }

    Path partial(ArchiveName name) {
        return partials().resolve(name.name() + ".partial");
    }

    /**
     * Refuses a folder that is a link (what would be written is somewhere else than the user thinks, and a
     * link swapped mid-build could send files anywhere), or not a folder, or (unless we are root) another
     * account's: a mirror is built by the account that owns it.
     */
    public void checkUsable() throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new MirrorException(Problem.of("mirror.dir.link", dir, dir.toRealPath()));
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new MirrorException(Problem.of("mirror.dir.notFolder", dir));
        }
        if (Files.isDirectory(dir) && !dev.gosetup.files.ProcessUser.isRoot()
                && Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
            String me = System.getProperty("user.name");
            if (me != null && !owner.equals(me)) {
                throw new MirrorException(Problem.of("mirror.dir.foreign", dir, owner, me));
            }
        }
    }
}
