package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every real startup file: apply, apply again, undo — and no byte outside our block ever changes. */
class BlockEditorTest {
    static final List<String> BODY = List.of("if [ -f \"$HOME/.config/gosetup/env.sh\" ]; then . \"$HOME/.config/gosetup/env.sh\"; fi");
    static final List<String> OTHER_BODY = List.of("if [ -f \"/opt/张三/env.sh\" ]; then . \"/opt/张三/env.sh\"; fi");

    static Stream<Path> realFiles() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.root().resolve("rcfiles"))) {
            return s.filter(p -> !p.getFileName().toString().equals("INDEX.tsv")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void applyReapplyUndoKeepEveryOtherByte(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        for (BlockEditor.Placement placement : BlockEditor.Placement.values()) {
            byte[] once = BlockEditor.apply(original, BODY, placement);
            assertThat(outsideBlock(once)).as("outside the block: %s", file.getFileName()).isEqualTo(original);
            assertThat(BlockEditor.apply(once, BODY, placement)).as("idempotent").isEqualTo(once);
            byte[] changed = BlockEditor.apply(once, OTHER_BODY, placement);
            assertThat(outsideBlock(changed)).as("replaced in place").isEqualTo(original);
            assertThat(count(changed, BlockEditor.START)).isEqualTo(1);
            assertThat(BlockEditor.undo(changed)).as("undo gives back the original byte for byte").isEqualTo(original);
            assertThat(BlockEditor.undo(original)).as("undo of an untouched file changes nothing").isEqualTo(original);
        }
    }

    @Test
    void crlfStaysCrlfAndABomStays() throws IOException {
        byte[] crlf = "\uFEFF# profile\r\n$env:Path += ';C:\\tools'\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] out = BlockEditor.apply(crlf, BODY, BlockEditor.Placement.END_OF_FILE);
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF# profile\r\n").contains(BlockEditor.START + "\r\n").endsWith(BlockEditor.END + "\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        assertThat(BlockEditor.undo(out)).isEqualTo(crlf);
    }

    @Test
    void aFileWithoutAFinalNewlineGetsOursBeforeTheBlockAndKeepsLackingOne() throws IOException {
        byte[] noNewline = "export EDITOR=vim".getBytes(StandardCharsets.UTF_8);
        byte[] out = BlockEditor.apply(noNewline, BODY, BlockEditor.Placement.END_OF_FILE);
        assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("export EDITOR=vim\n" + BlockEditor.START + "\n")
                .endsWith(BlockEditor.END);
        assertThat(BlockEditor.apply(out, BODY, BlockEditor.Placement.END_OF_FILE)).isEqualTo(out);
        assertThat(BlockEditor.undo(out)).isEqualTo(noNewline);
    }

    /** Found by BlockEditorFuzzTest: our "\n" after a last line ending in a lone CR reads back as CRLF. */
    @Test
    void aLastLineEndingInALoneCrComesBackExactly() throws IOException {
        for (String original : List.of("\n\n\r\r\r", "x=1\r", "a\r\nb\r")) {
            byte[] bytes = original.getBytes(StandardCharsets.UTF_8);
            byte[] applied = BlockEditor.apply(bytes, BODY, BlockEditor.Placement.END_OF_FILE);
            assertThat(BlockEditor.apply(applied, BODY, BlockEditor.Placement.END_OF_FILE)).isEqualTo(applied);
            assertThat(BlockEditor.undo(applied)).as(original.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(bytes);
        }
    }

    @Test
    void invalidUtf8AndCjkBytesArePreservedAsTheyAre() throws IOException {
        byte[] raw = {'#', ' ', (byte) 0xE4, (byte) 0xB8, (byte) 0xAD, ' ', (byte) 0xFF, (byte) 0xC3, '\n', 'x', '=', '1', '\n'};
        byte[] out = BlockEditor.apply(raw, OTHER_BODY, BlockEditor.Placement.END_OF_FILE);
        assertThat(Arrays.copyOf(out, raw.length)).isEqualTo(raw);
        assertThat(new String(out, StandardCharsets.UTF_8)).contains("/opt/张三/env.sh");
        assertThat(BlockEditor.undo(out)).isEqualTo(raw);
    }

    @Test
    void utf16PowerShellProfilesStayUtf16() throws IOException {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Set-Alias ll ls\r\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] out = BlockEditor.apply(utf16, List.of("if (Test-Path 'C:\\Users\\李\\env.ps1') { . 'C:\\Users\\李\\env.ps1' }"),
                BlockEditor.Placement.END_OF_FILE);
        assertThat(out[0]).isEqualTo((byte) 0xFF);
        assertThat(new String(out, 2, out.length - 2, StandardCharsets.UTF_16LE)).contains("李").contains(BlockEditor.START + "\r\n");
        assertThat(BlockEditor.undo(out)).isEqualTo(utf16);
    }

    /** Found by BlockEditorFuzzTest: a UTF-16 BOM over bytes that are not UTF-16 lost a byte when decoded. */
    @Test
    void aFalseUtf16BomIsLeftAloneWithAReason() {
        byte[] odd = {(byte) 0xFF, (byte) 0xFE, (byte) 0xAA, 'g', 'o', 's', 'e', 't', 'u'};
        assertThatThrownBy(() -> BlockEditor.apply(odd, BODY, BlockEditor.Placement.END_OF_FILE))
                .isInstanceOfSatisfying(DamagedBlockException.class, e -> {
                    assertThat(e.problem().key()).isEqualTo("startup.badUtf16");
                    assertThat(e.lines()).isNull();
                    assertThat(e.in(java.nio.file.Path.of("/home/dev/.zshrc")).problem().args()).containsExactly(java.nio.file.Path.of("/home/dev/.zshrc"));
                });
        assertThatThrownBy(() -> BlockEditor.undo(odd)).isInstanceOf(DamagedBlockException.class);
    }

    @Test
    void sdkmansMustBeLastLinesStayLast() throws IOException {
        byte[] file = """
                export EDITOR=vim
                #THIS MUST BE AT THE END OF THE FILE FOR SDKMAN TO WORK!!!
                export SDKMAN_DIR="$HOME/.sdkman"
                [[ -s "$HOME/.sdkman/bin/sdkman-init.sh" ]] && source "$HOME/.sdkman/bin/sdkman-init.sh"
                """.getBytes(StandardCharsets.UTF_8);
        String out = new String(BlockEditor.apply(file, BODY, BlockEditor.Placement.END_OF_FILE), StandardCharsets.UTF_8);
        assertThat(out.indexOf(BlockEditor.END)).isLessThan(out.indexOf("#THIS MUST BE AT THE END"));
        assertThat(out).startsWith("export EDITOR=vim\n" + BlockEditor.START);
    }

    @Test
    void bashrcBlockGoesAboveTheNonInteractiveReturn() throws IOException {
        byte[] debian = Files.readAllBytes(Fixtures.root().resolve("rcfiles/bashrc__linuxmint_bash__debian_skel.bashrc"));
        String out = new String(BlockEditor.apply(debian, BODY, BlockEditor.Placement.BEFORE_INTERACTIVE_GUARD), StandardCharsets.UTF_8);
        assertThat(out.indexOf(BlockEditor.END)).isLessThan(out.indexOf("case $- in"));
        byte[] arch = "#\n# ~/.bashrc\n#\n\n[[ $- != *i* ]] && return\n\nalias ls='ls --color=auto'\n".getBytes(StandardCharsets.UTF_8);
        String archOut = new String(BlockEditor.apply(arch, BODY, BlockEditor.Placement.BEFORE_INTERACTIVE_GUARD), StandardCharsets.UTF_8);
        assertThat(archOut.indexOf(BlockEditor.END)).isLessThan(archOut.indexOf("[[ $- != *i* ]] && return"));
        byte[] ps1 = "[ -z \"$PS1\" ] && return\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(BlockEditor.apply(ps1, BODY, BlockEditor.Placement.BEFORE_INTERACTIVE_GUARD), StandardCharsets.UTF_8))
                .startsWith(BlockEditor.START);
    }

    @Test
    void damagedMarkersAreReportedNeverGuessedAround() {
        for (String damaged : List.of(
                BlockEditor.START + "\nx\n",                                        // no end
                "x\n" + BlockEditor.END + "\n",                                       // no start
                BlockEditor.END + "\n" + BlockEditor.START + "\n",                    // reversed
                BlockEditor.START + "\na\n" + BlockEditor.END + "\n" + BlockEditor.START + "\nb\n" + BlockEditor.END + "\n", // two
                BlockEditor.START + "\na\n# <<< gosetup <<\n")) {                     // end marker cut short (seen in a real conda file)
            byte[] bytes = damaged.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> BlockEditor.apply(bytes, BODY, BlockEditor.Placement.END_OF_FILE))
                    .isInstanceOfSatisfying(DamagedBlockException.class, e -> {
                        assertThat(e.problem().key()).isEqualTo("startup.markers.damaged");
                        assertThat(e.lines()).as("the marker lines, 1-based").matches("\\d+(, \\d+)*");
                        assertThat(e.problem().args().subList(2, 4)).containsExactly(BlockEditor.START, BlockEditor.END);
                    });
            assertThatThrownBy(() -> BlockEditor.undo(bytes)).isInstanceOf(DamagedBlockException.class);
        }
    }

    @Test
    void commentedOutLinesComeBackOnUndo() throws IOException {
        byte[] file = "export GOROOT=/usr/local/go\r\nexport PATH=$PATH:/usr/local/go/bin\r\nalias g=git\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] off = BlockEditor.commentOut(file, Set.of(0, 1));
        byte[] applied = BlockEditor.apply(off, BODY, BlockEditor.Placement.END_OF_FILE);
        assertThat(new String(applied, StandardCharsets.UTF_8)).startsWith(BlockEditor.OFF + "export GOROOT=/usr/local/go\r\n"
                + BlockEditor.OFF + "export PATH=$PATH:/usr/local/go/bin\r\nalias g=git\r\n");
        assertThat(BlockEditor.undo(applied)).isEqualTo(file);
    }

    /** The file with our block's lines cut out — found by bytes, independently of the editor's own parser. */
    static byte[] outsideBlock(byte[] content) {
        String s = new String(content, StandardCharsets.ISO_8859_1);
        int start = s.indexOf(BlockEditor.START);
        int endMarker = s.indexOf(BlockEditor.END);
        int end = endMarker + BlockEditor.END.length();
        if (s.startsWith("\r\n", end)) {
            end += 2;
        } else if (s.startsWith("\n", end)) {
            end += 1;
        } else if (start > 0) {
            start -= s.charAt(start - 2) == '\r' ? 2 : 1; // the newline added before a block that ends the file
        }
        return (s.substring(0, start) + s.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static int count(byte[] content, String marker) {
        return new String(content, StandardCharsets.ISO_8859_1).split(java.util.regex.Pattern.quote(marker), -1).length - 1;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
