package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Any startup file bytes and any block text: apply, apply again, undo give the original back byte for byte,
 * or the markers are refused as damaged; nothing else happens. (Found by this target: a block line that
 * merely contained "gosetup" and "<<" was taken for a damaged marker; markers are now matched by shape.)
 */
class BlockEditorFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void applyUndoRoundTrip(FuzzedDataProvider data) throws DamagedBlockException {
        String line = data.consumeString(60).replace("\n", " ").replace("\r", " ");
        if (line.toLowerCase(java.util.Locale.ROOT).contains("gosetup")) {
            return; // our block's lines source our script; they never spell a marker
        }
        List<String> body = List.of(line);
        BlockEditor.Placement placement = data.pickValue(BlockEditor.Placement.values());
        byte[] original = data.consumeRemainingAsBytes();
        if (new String(original, java.nio.charset.StandardCharsets.ISO_8859_1).contains(BlockEditor.OFF)) {
            return; // a file that already has our comment-out prefix is not an original we could have left
        }
        byte[] once;
        try {
            once = BlockEditor.apply(original, body, placement);
        } catch (DamagedBlockException refused) {
            return;
        }
        assertThat(BlockEditor.apply(once, body, placement)).as("original %s body %s once %s", java.util.HexFormat.of().formatHex(original),
                body, java.util.HexFormat.of().formatHex(once)).isEqualTo(once);
        if (!BlockEditor.hasBlock(original)) {
            assertThat(BlockEditor.undo(once)).isEqualTo(original);
        }
    }
}
