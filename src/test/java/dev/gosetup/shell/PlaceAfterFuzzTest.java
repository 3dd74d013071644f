package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/** Any file, our block put in, then moved below any other line: still one block, and undo gives the original back. */
class PlaceAfterFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void moveThenUndoRoundTrip(FuzzedDataProvider data) throws DamagedBlockException {
        List<String> body = List.of("if [ -f \"$HOME/.config/gosetup/env.sh\" ]; then . \"$HOME/.config/gosetup/env.sh\"; fi");
        int pick = data.consumeInt(-1, 400);
        byte[] original = data.consumeRemainingAsBytes();
        if (new String(original, java.nio.charset.StandardCharsets.ISO_8859_1).contains(BlockEditor.OFF)) {
            return; // not an original we could have left
        }
        byte[] once;
        try {
            if (BlockEditor.hasBlock(original)) {
                return;
            }
            once = BlockEditor.apply(original, body, BlockEditor.Placement.BEFORE_INTERACTIVE_GUARD);
        } catch (DamagedBlockException refused) {
            return;
        }
        TextFile parsed = TextFile.parse(once);
        BlockEditor.Span span = BlockEditor.find(parsed);
        int line = pick < 0 ? -1 : pick % parsed.lines.size();
        if (line >= span.start() && line <= span.end()) {
            return;
        }
        byte[] moved = BlockEditor.placeAfter(once, body, line);
        assertThat(BlockEditor.find(TextFile.parse(moved))).isNotNull();
        assertThat(BlockEditor.undo(moved)).as("original %s line %d", java.util.HexFormat.of().formatHex(original), line).isEqualTo(original);
    }
}
