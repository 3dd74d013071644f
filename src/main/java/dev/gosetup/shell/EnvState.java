package dev.gosetup.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What gosetup made in a home, so that undo takes back exactly that (state.json beside our env scripts):
 * the startup files it created (undo deletes them when nothing but our block is in them, and never backs
 * them up) and the folders it made for its files (removed once empty). Read and changed under the
 * {@link EnvLock}. When nothing of ours is left, the state and the lock go too, and a fresh home is left
 * exactly as it was.
 */
final class EnvState {
    static final String FILE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON form; {@code createdFolders} is absent in files written before it was recorded. */
    record Saved(List<String> created, List<String> createdFolders) {}

    private final Path dir;
    final Set<Path> files = new LinkedHashSet<>();
    final Set<Path> folders = new LinkedHashSet<>();

    private EnvState(Path dir) {
        this.dir = dir;
    }

    /** The state in the scripts folder {@code dir}; an empty one when there is none or it cannot be read. */
    static EnvState load(Path dir) {
        EnvState state = new EnvState(dir);
        Path f = dir.resolve(FILE);
        try {
            if (Files.exists(f)) {
                Saved s = JSON.readValue(f.toFile(), Saved.class);
                if (s.created() != null) {
                    s.created().forEach(p -> state.files.add(Path.of(p)));
                }
                if (s.createdFolders() != null) {
                    s.createdFolders().forEach(p -> state.folders.add(Path.of(p)));
                }
            }
        } catch (IOException e) {
            // an unreadable state only means undo keeps what it created (emptied) rather than deleting it
        }
        return state;
    }

    /**
     * Writes the state back, forgetting files that are gone and removing empty folders we made. With no
     * startup file of ours left and nothing but the state and the lock in the scripts folder, those two are
     * deleted as well (we hold the lock: see {@link EnvLock}), and the folders we made with them.
     */
    void settle() throws IOException {
        files.removeIf(f -> !Files.exists(f, LinkOption.NOFOLLOW_LINKS));
        removeEmptyFolders();
        if (files.isEmpty() && onlyBookkeepingIn(dir)) {
            Files.deleteIfExists(dir.resolve(FILE));
            Files.deleteIfExists(dir.resolve(EnvLock.FILE));
            removeEmptyFolders();
            return;
        }
        if (files.isEmpty() && folders.isEmpty()) {
            Files.deleteIfExists(dir.resolve(FILE));
            return;
        }
        AtomicFiles.write(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                new Saved(files.stream().map(Path::toString).toList(), folders.stream().map(Path::toString).toList())));
    }

    /** Deepest first, so that a folder emptied by removing its empty child goes too. Only empty ones: never a user's file. */
    private void removeEmptyFolders() {
        List<Path> deepestFirst = new ArrayList<>(folders);
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path folder : deepestFirst) {
            try {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(folder);
                }
                folders.remove(folder);
            } catch (DirectoryNotEmptyException inUse) {
                // still holds something: ours for now, or the user's from now on
            } catch (NoSuchFileException gone) {
                folders.remove(folder);
            } catch (IOException e) {
                // kept in the record: a later undo tries again
            }
        }
    }

    private static boolean onlyBookkeepingIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                // settings.json is the app's, not the environment's: it stays (a later apply makes the same choices)
                if (!name.equals(FILE) && !name.equals(EnvLock.FILE) && !name.equals("settings.json")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The folders that do not exist yet on the way to {@code dir}, deepest first: what writing into it will create. */
    static List<Path> missingFolders(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            out.add(p);
        }
        return out;
    }

    /**
     * Gives a file or folder we just made the owner and group of its folder. A no-op for a user in their own
     * home; as root on another user's home (--home, an MDM script) our lock and folders stay theirs.
     */
    static void likeParent(Path p) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            Path parent = p.toAbsolutePath().getParent();
            if (view == null || parent == null) {
                return;
            }
            PosixFileAttributes theirs = Files.readAttributes(parent, PosixFileAttributes.class);
            PosixFileAttributes mine = view.readAttributes();
            if (!mine.owner().equals(theirs.owner())) {
                view.setOwner(theirs.owner());
            }
            if (!mine.group().equals(theirs.group())) {
                view.setGroup(theirs.group());
            }
        } catch (IOException | UnsupportedOperationException notAllowed) {
            // not root: what we make is already the user's
        }
    }
}
