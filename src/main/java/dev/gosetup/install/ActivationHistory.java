package dev.gosetup.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.files.AtomicFiles;
import dev.gosetup.files.FileOwner;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The versions the active link was pointed at, oldest first, kept in {@code ROOT/.gosetup-history.json} so that
 * {@code rollback} can go back to the one before. It lives in the install root (not in the settings folder)
 * because it describes that root's link: {@code --sdk-root}, {@code --home} and a policy's sdkRoot each keep their
 * own, and every way of activating a version goes through {@link SdkRoot#activate}, which records it.
 *
 * <p>Anyone who can write the root can write this file: it is read as hostile input. A file that is too large, not
 * JSON, or holds entries that are not Go versions is read as far as it makes sense (bad entries are dropped) and
 * rewritten whole on the next activation; it never stops an activation. Written atomically (temporary sibling,
 * rename).
 */
public final class ActivationHistory {
    static final String FILE = ".gosetup-history.json";
    /** Enough to go back several updates; the file stays a few hundred bytes. */
    static final int MAX_ENTRIES = 20;
    private static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(ActivationHistory.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    ActivationHistory(Path root) {
        this.file = root.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The recorded activations, oldest first; what cannot be read is left out (and logged). */
    public List<GoVersion> entries() {
        List<GoVersion> out = new ArrayList<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return out; // none yet, or something that is not a plain file (a link, a FIFO): not read
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                LOG.warning("Ignoring " + file + ": larger than " + MAX_BYTES + " bytes");
                return out;
            }
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            LOG.warning("Ignoring the unreadable activation history " + file + ": " + e);
            return out;
        }
        JsonNode list = root == null ? null : root.get("activations");
        if (list == null || !list.isArray()) {
            LOG.warning("Ignoring " + file + ": no \"activations\" list");
            return out;
        }
        for (JsonNode n : list) {
            Optional<GoVersion> v = n.isTextual() ? GoVersion.parse(n.asText()) : Optional.empty();
            // Only what this class writes: the exact name of a version ("go1.22.12"), nothing around it.
            if (v.isPresent() && v.get().name().length() <= 32 && n.asText().startsWith("go") && n.asText().equals(v.get().name())) {
                out.add(v.get());
            }
        }
        return out.size() > MAX_ENTRIES ? new ArrayList<>(out.subList(out.size() - MAX_ENTRIES, out.size())) : out;
    }

    /**
     * Records that {@code v} became active (a repeat of the last entry is not recorded twice). The version it
     * replaced goes in first when the history does not end with it: activated before there was a history, or by
     * hand, it is still the one to roll back to.
     */
    void recordActivation(Optional<GoVersion> before, GoVersion v, FileOwner owner) {
        List<GoVersion> list = entries();
        if (before.isPresent() && (list.isEmpty() || !list.getLast().sameAs(before.get()))) {
            list.add(before.get());
        }
        if (list.isEmpty() || !list.getLast().sameAs(v)) {
            list.add(v);
        }
        save(list, owner);
    }

    /**
     * The version before {@code active}: the newest entry that is not the active one, below the newest entry that
     * is. Empty when the history knows nothing older.
     */
    public Optional<GoVersion> previous(Optional<GoVersion> active) {
        List<GoVersion> list = entries();
        int top = list.size() - 1;
        // What was activated after the active one (by hand, by an older gosetup) is not "before" it.
        if (active.isPresent()) {
            while (top >= 0 && !list.get(top).sameAs(active.get())) {
                top--;
            }
            if (top < 0) {
                top = list.size() - 1; // the active link was changed outside gosetup: the last recorded one is "before"
            }
        }
        for (int i = top; i >= 0; i--) {
            if (active.isEmpty() || !list.get(i).sameAs(active.get())) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Records a rollback to {@code v}: the entries after its newest occurrence go (a second rollback goes one step
     * further back, not forth again).
     */
    void recordRollback(GoVersion v, FileOwner owner) {
        List<GoVersion> list = entries();
        int at = -1;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).sameAs(v)) {
                at = i;
                break;
            }
        }
        if (at >= 0) {
            list = new ArrayList<>(list.subList(0, at + 1));
        } else {
            list.add(v);
        }
        save(list, owner);
    }

    private void save(List<GoVersion> list, FileOwner owner) {
        List<GoVersion> kept = list.size() > MAX_ENTRIES ? list.subList(list.size() - MAX_ENTRIES, list.size()) : list;
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("activations");
        kept.forEach(v -> array.add(v.name()));
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                LOG.warning("Not recording the activation: " + file + " is not a plain file");
                return;
            }
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root), null, owner);
        } catch (IOException | RuntimeException e) {
            // The history helps rollback; it never fails the activation that has already happened.
            LOG.warning("Could not record the activation in " + file + ": " + e);
        }
    }
}
