package dev.gosetup.ide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.shell.UnusableFileException;
import dev.gosetup.testing.HasProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VS Code's go.goroot pointed at ~/sdk/go in real settings files (written as people write them, after the
 * vscode-go docs' examples) and hostile ones: every byte outside the value stays, Jackson reads the new value,
 * and undo gives the file back byte for byte.
 */
class VsCodeGorootEditTest {
    @TempDir
    Path tmp;

    static final String DOCS_EXAMPLE = """
            {
                // Go: see https://github.com/golang/vscode-go/wiki/settings
                "go.goroot": "/usr/local/go",
                "go.toolsManagement.autoUpdate": true,
                "go.alternateTools": {
                    "go": "/usr/local/go/bin/go", // the go binary
                },
                "gopls": {
                    "ui.semanticTokens": true,
                    "formatting.gofumpt": true,
                },
                "[go]": {
                    "editor.formatOnSave": true,
                    "editor.codeActionsOnSave": { "source.organizeImports": "explicit" },
                    "go.goroot": "/nested/in/a/language/block",
                },
                /* trailing comma below, as VS Code allows */
                "editor.fontSize": 14,
            }
            """;

    static final String NO_GOROOT = """
            {
            \t"workbench.colorTheme": "Default Dark Modern",
            \t"files.autoSave": "afterDelay", // 保存
            \t"go.toolsGopath": "${env:HOME}/tools",
            }""";

    static final String DECOYS = """
            {
              // "go.goroot": "/in/a/line/comment",
              /* "go.goroot": "/in/a/block/comment" */
              "terminal.integrated.env.linux": { "GOROOT": "/x", "go.goroot": "/nested" },
              "note": "\\"go.goroot\\": \\"/inside/a/string\\"",
              "go.goroot": "/opt/go1.21.13", // the real one
              "after": [1, 2.5e3, -0, null, true, false, {"a": []}]
            }
            """;

    static final String DUPLICATES = """
            {
                "go.goroot": "/first",
                "editor.tabSize": 4,
                "go.goroot": "C:\\\\Program Files\\\\Go"
            }
            """;

    static List<String> realFiles() {
        return List.of(DOCS_EXAMPLE, NO_GOROOT, DECOYS, DUPLICATES, "{}", "{ }\n", "{\n  // nothing yet\n}\n",
                "\uFEFF" + DOCS_EXAMPLE, DOCS_EXAMPLE.replace("\n", "\r\n"), NO_GOROOT.replace("\n", "\r\n"),
                "{\"go.goroot\":null}", "{\"go.goroot\": \"\\u002Fusr\\u002Flocal\\u002Fgo\"}", "   \n", "");
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void onlyTheValueChangesAndUndoGivesTheBytesBack(String content) throws Exception {
        Path file = tmp.resolve("settings.json");
        byte[] original = content.getBytes(StandardCharsets.UTF_8);
        Files.write(file, original);
        Path target = tmp.resolve("sdk").resolve("go");
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));

        VsCodeGorootEdit.Plan plan = edit.plan(file, target);
        edit.apply(plan);
        byte[] after = Files.readAllBytes(file);
        assertThat(VsCodeSettings.parse(file, after, tmp, Map.of()).goroot()).isEqualTo(target.toString());
        assertOnlyValueChanged(original, after, target.toString());

        edit.undo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(edit.canUndo(file)).isFalse();
    }

    /**
     * The new file is the old one with only go.goroot's value token replaced, or with one member inserted right
     * after the opening brace; located independently in both.
     */
    static void assertOnlyValueChanged(byte[] before, byte[] after, String target) {
        String a = new String(before, StandardCharsets.ISO_8859_1);
        String b = new String(after, StandardCharsets.ISO_8859_1);
        String token = new String(VsCodeGorootEdit.jsonString(target), StandardCharsets.ISO_8859_1);
        if (a.isBlank()) {
            assertThat(b).startsWith(a);
            return;
        }
        JsoncMember.Found old = JsoncMember.locate(a, "go.goroot").orElseThrow();
        JsoncMember.Found now = JsoncMember.locate(b, "go.goroot").orElseThrow();
        assertThat(b.substring(now.valueStart(), now.valueEnd())).isEqualTo(token);
        if (old.present()) {
            assertThat(b.substring(0, now.valueStart())).isEqualTo(a.substring(0, old.valueStart()));
            assertThat(b.substring(now.valueEnd())).isEqualTo(a.substring(old.valueEnd()));
        } else {
            int at = old.open() + 1;
            assertThat(b.substring(0, at)).isEqualTo(a.substring(0, at));
            String inserted = b.substring(at, b.length() - (a.length() - at));
            assertThat(b.substring(at + inserted.length())).isEqualTo(a.substring(at));
            assertThat(inserted).matches("\\r?\\n[ \\t]*\"go\\.goroot\": " + java.util.regex.Pattern.quote(token) + "(,|\\r?\\n)");
        }
    }

    @Test
    void theTopLevelLastValueIsTheOneReplacedNotDecoysOrNestedCopies() throws Exception {
        Path file = Files.writeString(tmp.resolve("settings.json"), DECOYS + "");
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        edit.apply(edit.plan(file, Path.of("/home/alex/sdk/go")));
        String now = Files.readString(file);
        assertThat(now).isEqualTo(DECOYS.replace("\"/opt/go1.21.13\"", "\"/home/alex/sdk/go\""));

        Path dup = Files.writeString(tmp.resolve("dup.json"), DUPLICATES);
        edit.apply(edit.plan(dup, Path.of("/home/alex/sdk/go")));
        assertThat(Files.readString(dup)).isEqualTo(DUPLICATES.replace("\"C:\\\\Program Files\\\\Go\"", "\"/home/alex/sdk/go\""));

        Path nested = Files.writeString(tmp.resolve("nested.json"), DOCS_EXAMPLE);
        edit.apply(edit.plan(nested, Path.of("/home/alex/sdk/go")));
        assertThat(Files.readString(nested)).contains("\"go.goroot\": \"/nested/in/a/language/block\"")
                .contains("\"go.goroot\": \"/home/alex/sdk/go\",");
    }

    @Test
    void aMissingKeyIsAddedFirstWithTheFilesIndentAndLineEnding() throws Exception {
        Path file = Files.writeString(tmp.resolve("settings.json"), NO_GOROOT.replace("\n", "\r\n"));
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        edit.apply(edit.plan(file, Path.of("/home/alex/sdk/go")));
        assertThat(Files.readString(file)).startsWith("{\r\n\t\"go.goroot\": \"/home/alex/sdk/go\",\r\n\t\"workbench.colorTheme\"");
    }

    @Test
    void aWindowsPathIsEscapedAndAFileThatDoesNotExistIsCreatedAndUndoDeletesIt() throws Exception {
        Path file = tmp.resolve("Code").resolve("User").resolve("settings.json");
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        assertThat(new String(VsCodeGorootEdit.jsonString("C:\\Users\\张\\sdk\\go"), StandardCharsets.UTF_8))
                .isEqualTo("\"C:\\\\Users\\\\张\\\\sdk\\\\go\"");
        edit.apply(edit.plan(file, Path.of("/home/张/sdk/go")));
        assertThat(VsCodeSettings.read(file, tmp, Map.of()).orElseThrow().goroot()).isEqualTo("/home/张/sdk/go");
        edit.undo(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void aLinkedSettingsFileIsWrittenThroughWithABackupAndTheLinkStays() throws Exception {
        Path real = Files.writeString(tmp.resolve("dotfiles-settings.json"), DOCS_EXAMPLE);
        Path link = Files.createSymbolicLink(tmp.resolve("settings.json"), real);
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        Path backup = edit.apply(edit.plan(link, Path.of("/home/alex/sdk/go")));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"go.goroot\": \"/home/alex/sdk/go\"");
        assertThat(backup).isNotNull();
        assertThat(Files.readString(backup)).isEqualTo(DOCS_EXAMPLE);
        edit.undo(link);
        assertThat(Files.readString(real)).isEqualTo(DOCS_EXAMPLE);
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void undoKeepsWhatTheUserChangedElsewhereAndRefusesWhenTheValueIsNoLongerOurs() throws Exception {
        Path file = Files.writeString(tmp.resolve("settings.json"), DOCS_EXAMPLE);
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        edit.apply(edit.plan(file, Path.of("/home/alex/sdk/go")));
        Files.writeString(file, Files.readString(file).replace("\"editor.fontSize\": 14", "\"editor.fontSize\": 16"));
        edit.undo(file);
        assertThat(Files.readString(file)).isEqualTo(DOCS_EXAMPLE.replace("\"editor.fontSize\": 14", "\"editor.fontSize\": 16"));

        edit.apply(edit.plan(file, Path.of("/home/alex/sdk/go")));
        Files.writeString(file, Files.readString(file).replace("/home/alex/sdk/go", "/opt/go"));
        byte[] now = Files.readAllBytes(file);
        assertThatThrownBy(() -> edit.undo(file)).satisfies(HasProblem.key("ide.vscode.undo.changed", file));
        assertThat(Files.readAllBytes(file)).isEqualTo(now);
    }

    @Test
    void brokenUtf16HugeAndFifoFilesAreRefusedAndLeftAsTheyAre() throws Exception {
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{ \"go.goroot\": \"/x\" \"missing\": comma }");
        assertThatThrownBy(() -> edit.plan(broken, Path.of("/sdk/go"))).satisfies(HasProblem.key("ide.vscode.unreadable", broken, 1L));
        Path array = Files.writeString(tmp.resolve("array.json"), "[1, 2]");
        assertThatThrownBy(() -> edit.plan(array, Path.of("/sdk/go"))).satisfies(HasProblem.key("ide.vscode.notObject", array));
        Path utf16 = Files.write(tmp.resolve("utf16.json"), ("\uFEFF" + DOCS_EXAMPLE).getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> edit.plan(utf16, Path.of("/sdk/go"))).satisfies(HasProblem.key("ide.vscode.utf16", utf16));
        Path object = Files.writeString(tmp.resolve("object.json"), "{\"go.goroot\": {\"a\": 1}}");
        assertThatThrownBy(() -> edit.plan(object, Path.of("/sdk/go"))).satisfies(HasProblem.key("ide.vscode.notText", object, "go.goroot"));

        Path huge = tmp.resolve("huge.json");
        Files.writeString(huge, "{\"a\": \"" + "x".repeat(1 << 20) + "\"}");
        assertThatThrownBy(() -> edit.plan(huge, Path.of("/sdk/go"))).isInstanceOf(UnusableFileException.class);

        if (!dev.gosetup.testing.HostOs.WINDOWS) { // FIFOs (mkfifo) do not exist on Windows
            Path fifo = tmp.resolve("fifo.json");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
            assertThatThrownBy(() -> edit.plan(fifo, Path.of("/sdk/go"))).isInstanceOf(UnusableFileException.class);
        }
        assertThat(Files.readString(broken)).isEqualTo("{ \"go.goroot\": \"/x\" \"missing\": comma }");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "gives the file to another account with chown and checks unix:uid and its POSIX mode; Windows has neither")
    @Test
    void aFileOfAnotherAccountKeepsItsOwnerAndMode() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path file = Files.writeString(tmp.resolve("settings.json"), DOCS_EXAMPLE);
        new ProcessBuilder("chown", "1234:1234", file.toString()).start().waitFor();
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        VsCodeGorootEdit edit = new VsCodeGorootEdit(tmp.resolve("config"));
        edit.apply(edit.plan(file, Path.of("/home/alex/sdk/go")));
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void settingsAreReadAsVsCodeGoResolvesThem() throws Exception {
        Path home = Path.of("/home/alex");
        Map<String, String> env = Map.of("HOME", "/home/alex", "TOOLS", "/opt/tools");
        VsCodeSettings.GoSettings s = VsCodeSettings.parse(tmp.resolve("s.json"), """
                {
                  "go.goroot": "~/sdk/go1.22.5", // tilde: resolvePath
                  "go.alternateTools": { "go": "${workspaceFolder}/tools/go.sh", "gopls": "/x/gopls" },
                  "go.toolsGopath": "${env:TOOLS}/go",
                  "go.gopath": "${env: HOME}/go",
                  "[go]": { "go.goroot": "/not/this" },
                }
                """.getBytes(StandardCharsets.UTF_8), home, env);
        assertThat(s.gorootPath()).isEqualTo(Path.of("/home/alex/sdk/go1.22.5"));
        assertThat(s.alternateGo()).isEqualTo("${workspaceFolder}/tools/go.sh");
        assertThat(s.alternateGoPath()).as("no workspace folder in user settings").isNull();
        assertThat(s.toolsGopathPath()).isEqualTo(Path.of("/opt/tools/go"));
        assertThat(s.gopathPath()).isEqualTo(Path.of("/home/alex/go"));
        assertThat(VsCodeSettings.parse(tmp.resolve("s.json"), "{\"go.goroot\": \"${env:GOROOT}\"}".getBytes(StandardCharsets.UTF_8),
                home, Map.of("GOROOT", "/usr/lib/go")).gorootPath()).as("vscode-go does not substitute env in go.goroot").isNull();

        assertThat(VsCodeSettings.locations("linux", home, Map.of())).contains(
                Path.of("/home/alex/.config/Code/User/settings.json"), Path.of("/home/alex/.config/Code - Insiders/User/settings.json"),
                Path.of("/home/alex/.config/VSCodium/User/settings.json"), Path.of("/home/alex/.vscode-server/data/Machine/settings.json"));
        assertThat(VsCodeSettings.locations("mac", home, Map.of()))
                .contains(Path.of("/home/alex/Library/Application Support/Code/User/settings.json"));
    }
}
