package dev.gosetup.ide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gosetup.files.AtomicFiles;
import dev.gosetup.files.FileOwner;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.shell.StartupFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Points VS Code's {@code go.goroot} at a folder (gosetup's active link, ~/sdk/go) and takes it back, changing
 * only the bytes of that one value: comments, order, indentation, CRLF, a BOM and every other byte stay as
 * they are. The file is written like a startup file ({@link StartupFiles}: through links, a backup before the
 * first change, atomically, never over a change made since it was read).
 *
 * <p>Undo puts back exactly the value that was there (or removes the member we added), provided the value is
 * still ours; what the user edited elsewhere in the file since is kept. The original value is kept in
 * {@code ide-undo.json} in gosetup's config folder.
 */
public final class VsCodeGorootEdit {
    static final String KEY = "go.goroot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path undoFile;

    /** @param configDir gosetup's config folder, where what undo needs is kept */
    public VsCodeGorootEdit(Path configDir) {
        this.undoFile = configDir.resolve("ide-undo.json");
    }

    /** What a change would do, shown before it is made. */
    public record Plan(StartupFiles.Snapshot before, byte[] after, String oldValue, String newValue, Change change) {}

    /** What was changed, for undo: the value's bytes before and after, or the member inserted. */
    record Change(Path file, byte[] oldToken, byte[] newToken, byte[] inserted, byte[] blankBefore) {
        Change(Path file, byte[] oldToken, byte[] newToken, byte[] inserted) {
            this(file, oldToken, newToken, inserted, null);
        }
    }

    /** The change that sets go.goroot to {@code goroot}; the file is read, nothing is written. */
    public Plan plan(Path file, Path goroot) throws IOException {
        StartupFiles.Snapshot before = StartupFiles.read(file);
        String target = goroot.toString();
        byte[] token = jsonString(target);
        if (!before.exists()) {
            byte[] fresh = ("{\n    \"" + KEY + "\": ").getBytes(StandardCharsets.ISO_8859_1);
            byte[] after = concat(fresh, token, "\n}\n".getBytes(StandardCharsets.ISO_8859_1));
            return new Plan(before, after, null, target, new Change(file, null, token, after));
        }
        byte[] content = before.content();
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE
                || (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF)) {
            throw new ProblemException(Problem.of("ide.vscode.utf16", file)); // VS Code writes UTF-8; not ours to convert
        }
        JsonNode tree = VsCodeSettings.tree(file, content);
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.isBlank()) {
            byte[] after = concat(content, ("{\n    \"" + KEY + "\": ").getBytes(StandardCharsets.ISO_8859_1), token,
                    "\n}\n".getBytes(StandardCharsets.ISO_8859_1));
            return new Plan(before, after, null, target, new Change(file, null, token, null, content));
        }
        JsoncMember.Found found = JsoncMember.locate(text, KEY)
                .orElseThrow(() -> new ProblemException(Problem.of("ide.vscode.unreadable", file, 0L)));
        byte[] after;
        Change change;
        String old = tree.path(KEY).isTextual() ? tree.get(KEY).asText() : tree.has(KEY) ? tree.get(KEY).toString() : null;
        if (found.present()) {
            if (tree.get(KEY).isContainerNode()) {
                throw new ProblemException(Problem.of("ide.vscode.notText", file, KEY));
            }
            byte[] oldToken = slice(content, found.valueStart(), found.valueEnd());
            after = concat(slice(content, 0, found.valueStart()), token, slice(content, found.valueEnd(), content.length));
            change = new Change(file, oldToken, token, null);
        } else {
            String nl = text.contains("\r\n") && count(text, "\r\n") * 2 > count(text, "\n") ? "\r\n" : "\n";
            String member = nl + found.indent() + "\"" + KEY + "\": " + new String(token, StandardCharsets.ISO_8859_1)
                    + (found.hasMembers() ? "," : nl);
            byte[] inserted = member.getBytes(StandardCharsets.ISO_8859_1);
            after = concat(slice(content, 0, found.open() + 1), inserted, slice(content, found.open() + 1, content.length));
            change = new Change(file, null, token, inserted);
        }
        requireOnlyGorootChanged(file, tree, VsCodeSettings.tree(file, after), target);
        return new Plan(before, after, old, target, change);
    }

    /**
     * Writes the plan (a backup first, as for startup files) and remembers the old value for {@link #undo}.
     *
     * @return the backup made, or null (a new file, or a backup from an earlier change exists)
     */
    public Path apply(Plan plan) throws IOException {
        Path file = plan.before().path();
        boolean created = !plan.before().exists();
        Path backup = StartupFiles.write(plan.before(), plan.after(), !created,
                FileOwner.of(plan.before().real().toAbsolutePath().getParent()));
        remember(plan.change(), created);
        return backup != null ? backup : StartupFiles.backupOf(file).orElse(null);
    }

    /** Whether there is a change of ours to take back in {@code file}. */
    public boolean canUndo(Path file) {
        return recorded(file).isPresent();
    }

    /**
     * Puts back the value go.goroot had (or removes the member we added, or the file we created), byte for byte,
     * when go.goroot still holds what we wrote; else refuses and changes nothing.
     */
    public void undo(Path file) throws IOException {
        ObjectNode entry = recorded(file).orElseThrow(() -> new ProblemException(Problem.of("ide.vscode.undo.nothing", file)));
        byte[] newToken = bytes(entry, "newToken");
        byte[] oldToken = bytes(entry, "oldToken");
        byte[] inserted = bytes(entry, "inserted");
        StartupFiles.Snapshot now = StartupFiles.read(file);
        if (!now.exists()) {
            throw new ProblemException(Problem.of("ide.vscode.undo.changed", file));
        }
        byte[] content = now.content();
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (entry.path("created").asBoolean() && java.util.Arrays.equals(content, inserted)) {
            StartupFiles.write(now, null, false, FileOwner.of(now.real().toAbsolutePath().getParent()));
            forget(file);
            return;
        }
        JsoncMember.Found found = JsoncMember.locate(text, KEY)
                .filter(f -> f.present() && java.util.Arrays.equals(slice(content, f.valueStart(), f.valueEnd()), newToken))
                .orElseThrow(() -> new ProblemException(Problem.of("ide.vscode.undo.changed", file)));
        byte[] after;
        byte[] blankBefore = bytes(entry, "blankBefore");
        if (blankBefore != null) {
            after = blankBefore; // the file held only blanks; its member is all there is
        } else if (oldToken != null) {
            after = concat(slice(content, 0, found.valueStart()), oldToken, slice(content, found.valueEnd(), content.length));
        } else if (inserted != null && text.startsWith(new String(inserted, StandardCharsets.ISO_8859_1), found.open() + 1)) {
            after = concat(slice(content, 0, found.open() + 1), slice(content, found.open() + 1 + inserted.length, content.length));
        } else {
            throw new ProblemException(Problem.of("ide.vscode.undo.changed", file));
        }
        StartupFiles.write(now, after, false, FileOwner.of(now.real().toAbsolutePath().getParent()));
        forget(file);
    }

    /** Jackson reads the new file as the old one with go.goroot set to the target, and nothing else changed. */
    private static void requireOnlyGorootChanged(Path file, JsonNode before, JsonNode after, String target) throws ProblemException {
        ObjectNode expected = before.deepCopy();
        expected.put(KEY, target);
        if (!expected.equals(after)) {
            throw new ProblemException(Problem.of("ide.vscode.unreadable", file, 0L)); // our locator and Jackson disagree: touch nothing
        }
    }

    private void remember(Change change, boolean created) throws IOException {
        ArrayNode all = load();
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode n : all) {
            if (!n.path("file").asText().equals(change.file().toString())) {
                kept.add(n);
            }
        }
        ObjectNode previous = recorded(change.file()).orElse(null);
        ObjectNode e = kept.addObject();
        e.put("file", change.file().toString());
        if (previous != null) {
            // a second change: undo goes back to what was there before the first, not to our own earlier value
            e.setAll(previous);
            e.put("newToken", encode(change.newToken()));
        } else {
            e.put("oldToken", encode(change.oldToken()));
            e.put("newToken", encode(change.newToken()));
            e.put("inserted", encode(change.inserted()));
            e.put("created", created);
            e.put("blankBefore", encode(change.blankBefore()));
        }
        AtomicFiles.write(undoFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept));
    }

    private void forget(Path file) throws IOException {
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode n : load()) {
            if (!n.path("file").asText().equals(file.toString())) {
                kept.add(n);
            }
        }
        AtomicFiles.write(undoFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept));
    }

    private Optional<ObjectNode> recorded(Path file) {
        for (JsonNode n : load()) {
            if (n.isObject() && n.path("file").asText().equals(file.toString())) {
                return Optional.of((ObjectNode) n);
            }
        }
        return Optional.empty();
    }

    private ArrayNode load() {
        try {
            if (Files.isRegularFile(undoFile) && Files.size(undoFile) < (1 << 20)) {
                JsonNode n = JSON.readTree(undoFile.toFile());
                if (n instanceof ArrayNode a) {
                    return a;
                }
            }
        } catch (IOException e) {
            // an unreadable record: nothing to undo, said as such
        }
        return JSON.createArrayNode();
    }

    private static String encode(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    private static byte[] bytes(JsonNode entry, String field) {
        JsonNode n = entry.get(field);
        return n == null || !n.isTextual() ? null : Base64.getDecoder().decode(n.asText());
    }

    /** A JSON string literal of {@code value}, UTF-8, as its bytes. */
    static byte[] jsonString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
