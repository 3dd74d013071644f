package dev.gosetup.ide;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gosetup.i18n.ProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The locator and Jackson agree on which value is go.goroot, for any bytes and for many generated settings
 * files; and whenever an edit is planned, only that value changes and undo gives the bytes back.
 */
class JsoncMemberFuzzTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @FuzzTest(maxDuration = "5s")
    void locatorAgreesWithJackson(FuzzedDataProvider data) throws Exception {
        byte[] bytes = data.consumeRemainingAsBytes();
        checkAgreement(bytes);
    }

    /** Settings files built from VS Code's grammar with random comments, blanks, duplicates and decoys. */
    @Test
    void generatedSettingsFilesEditOnlyTheValueAndUndoExactly() throws Exception {
        Random random = new Random(20261203);
        Path dir = tmp;
        VsCodeGorootEdit edit = new VsCodeGorootEdit(dir.resolve("config"));
        Path file = dir.resolve("settings.json");
        int edited = 0;
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            String text = object(random, 0, true);
            if (random.nextInt(5) == 0) {
                text = text.replace("\n", "\r\n");
            }
            if (random.nextInt(7) == 0) {
                text = "\uFEFF" + text;
            }
            byte[] original = text.getBytes(StandardCharsets.UTF_8);
            checkAgreement(original);
            Files.write(file, original);
            String target = random.nextBoolean() ? "/home/alex/sdk/go" : "C:\\Users\\李\\sdk\\go";
            JsonNode before = VsCodeSettings.tree(file, original);
            if (before.path("go.goroot").isContainerNode()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> edit.plan(file, Path.of(target)))
                        .isInstanceOf(ProblemException.class).hasMessageContaining("ide.vscode.notText");
                assertThat(Files.readAllBytes(file)).isEqualTo(original);
                refused++;
                continue;
            }
            VsCodeGorootEdit.Plan plan = edit.plan(file, Path.of(target));
            VsCodeGorootEditTest.assertOnlyValueChanged(original, plan.after(), Path.of(target).toString());
            edited++;
            if (i % 10 == 0) { // written and undone for real one time in ten: each write is fsync'd
                edit.apply(plan);
                assertThat(Files.readAllBytes(file)).isEqualTo(plan.after());
                edit.undo(file);
                assertThat(Files.readAllBytes(file)).as("undo of %s", text).isEqualTo(original);
            }
        }
        assertThat(edited + refused).isEqualTo(1000);
        assertThat(edited).as("most generated files hold a value that can be replaced, or none").isGreaterThan(600);
    }

    /** When both read the bytes, the member the locator finds is the one Jackson's tree holds (or neither has one). */
    static void checkAgreement(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        var found = JsoncMember.locate(text, "go.goroot");
        JsonNode tree;
        try {
            tree = VsCodeSettings.tree(Path.of("settings.json"), bytes);
        } catch (ProblemException e) {
            return; // Jackson refuses: no edit is ever made then, whatever the locator says
        }
        if (found.isEmpty() || text.isBlank()) {
            return;
        }
        if (!found.get().present()) {
            assertThat(tree.has("go.goroot")).as("absent for the locator in %s", text).isFalse();
            return;
        }
        String token = text.substring(found.get().valueStart(), found.get().valueEnd());
        try {
            JsonNode value = VsCodeSettings.JSONC.readTree(token.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(value).as("go.goroot in %s", text).isEqualTo(tree.get("go.goroot"));
        } catch (java.io.IOException e) {
            throw new AssertionError("the located token " + token + " is not a JSON value", e);
        }
    }

    private static final String[] KEYS = {"go.goroot", "go.gopath", "editor.fontSize", "[go]", "gopls", "go.goroot ", "Go.goroot",
            "go\\u002egoroot", "\\\"go.goroot\\\"", "路径"};

    private static String object(Random r, int depth, boolean top) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(top ? 6 : 3);
        for (int i = 0; i < n; i++) {
            sb.append(blank(r));
            sb.append('"').append(KEYS[r.nextInt(KEYS.length)]).append('"').append(blank(r)).append(':').append(blank(r));
            sb.append(value(r, depth));
            if (i < n - 1 || r.nextBoolean()) {
                sb.append(blank(r)).append(',');
            }
        }
        return sb.append(blank(r)).append('}').append(top ? blank(r) : "").toString();
    }

    private static String value(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 5 : 7)) {
            case 0 -> "\"/usr/local/go\"";
            case 1 -> "\"C:\\\\Go \\\"quoted\\\" // not a comment /* nor this */\"";
            case 2 -> "null";
            case 3 -> String.valueOf(r.nextInt(2000) - 1000);
            case 4 -> "\"${env:HOME}/go,\"";
            case 5 -> object(r, depth + 1, false);
            default -> "[" + blank(r) + "1," + blank(r) + "\"}\"" + (r.nextBoolean() ? "," : "") + blank(r) + "]";
        };
    }

    private static String blank(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> " ";
            case 1 -> "\n    ";
            case 2 -> "\t";
            case 3 -> " // \"go.goroot\": \"/comment\", {\n";
            case 4 -> "/* \"go.goroot\": 1 } */";
            case 5 -> "\n\t\t// 中文注释\n";
            default -> "";
        };
    }
}
