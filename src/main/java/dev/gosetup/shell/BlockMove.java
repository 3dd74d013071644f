package dev.gosetup.shell;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Moves our block below a line that undoes it — PATH set from scratch, another Go put first — or puts a
 * block into the file that holds such a line (fish's config.fish, read after our conf.d file). The same care
 * as every change to a user's file: the file as read now (links followed), a backup before our first
 * change, an atomic write, and never over a change made since it was read. Undo finds the block there too.
 */
public final class BlockMove {
    /** The planned change: {@code before} as read, {@code after} its new bytes, and the diff to show. */
    public record Change(Shell shell, Path file, int anchor, StartupFiles.Snapshot before, byte[] after, String diff) {}

    private BlockMove() {}

    /**
     * @param anchor     0-based index of the line that undoes our block
     * @param expected   that line's text as found: the plan is refused when the file changed since
     * @param rightAfter the block goes right below the line (a statement of its own); else at the file's end,
     *                   since the line sits inside an if or a function, where a block cannot go
     */
    public static Change plan(EnvSetup setup, Shell shell, Path file, int anchor, String expected, boolean rightAfter) throws IOException {
        StartupFiles.Snapshot before = StartupFiles.read(file);
        if (!before.exists()) {
            throw StartupFileException.of(file, "startup.goneSinceCheck");
        }
        try {
            TextFile text = TextFile.parse(before.content());
            if (anchor < 0 || anchor >= text.lines.size() || !text.readable(text.lines.get(anchor)).strip().equals(expected.strip())) {
                throw StartupFileException.of(file, "startup.changedSinceCheck", String.valueOf(anchor + 1), expected.strip());
            }
            byte[] after = BlockEditor.placeAfter(before.content(), setup.blockBody(shell), rightAfter ? anchor : -1);
            return new Change(shell, file, anchor, before, after, Diffs.unified(file.getFileName().toString(), before.content(), after));
        } catch (DamagedBlockException e) {
            throw e.in(file);
        }
    }

    /** @return the backup made before this change, or null when one existed already */
    public static Path apply(Change change) throws IOException {
        return StartupFiles.write(change.before(), change.after());
    }
}
