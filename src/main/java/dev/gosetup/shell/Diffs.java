package dev.gosetup.shell;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The exact change to a file as a unified diff, for the preview (`gosetup env --diff`, the Environment step). */
final class Diffs {
    private Diffs() {}

    static String unified(String name, byte[] before, byte[] after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + name,
                after == null ? "/dev/null" : "b/" + name, a, patch, 3)) + "\n";
    }

    private static List<String> lines(byte[] content) {
        if (content == null || content.length == 0) {
            return List.of();
        }
        try {
            TextFile f = TextFile.parse(content);
            return f.lines.stream().map(f::readable).toList();
        } catch (DamagedBlockException notText) {
            return new String(content, StandardCharsets.ISO_8859_1).lines().toList(); // shown as bytes, never edited
        }
    }

    static String text(byte[] content) {
        return content == null ? "" : new String(content, StandardCharsets.UTF_8);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
