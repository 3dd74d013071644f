package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our block moved below a line that undoes it: every other byte stays, one block only, and undo gives back
 * the file as it was before our first change. What finds that line: PATH set from scratch in sh, zsh, fish
 * and PowerShell, another Go put first, and the order in which a shell reads the user's files.
 */
class PlaceAfterTest {
    static final List<String> BODY = BlockEditorTest.BODY;

    @TempDir
    Path tmp;

    static java.util.stream.Stream<Path> realFiles() throws IOException {
        return BlockEditorTest.realFiles();
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void movingTheBlockBelowAnyLineKeepsEveryOtherByteAndUndoStaysExact(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        byte[] applied = BlockEditor.apply(original, BODY, BlockEditor.Placement.BEFORE_INTERACTIVE_GUARD);
        int lines = TextFile.parse(applied).lines.size();
        BlockEditor.Span span = BlockEditor.find(TextFile.parse(applied));
        for (int line : new int[] {0, lines / 2, lines - 1, -1}) {
            if (line >= span.start() && line <= span.end()) {
                continue;
            }
            byte[] moved = BlockEditor.placeAfter(applied, BODY, line);
            assertThat(BlockEditor.undo(moved)).as("%s after line %d", file.getFileName(), line).isEqualTo(original);
            assertThat(new String(moved, StandardCharsets.ISO_8859_1).split(BlockEditor.START, -1)).hasSize(2);
            assertThat(BlockEditor.apply(moved, BODY, BlockEditor.Placement.END_OF_FILE)).as("apply keeps it where it was moved").isEqualTo(moved);
        }
        byte[] intoUntouched = BlockEditor.placeAfter(original, BODY, -1);
        assertThat(BlockEditor.undo(intoUntouched)).isEqualTo(original);
    }

    @Test
    void theBlockGoesRightBelowTheLineAndALastLineWithoutNewlineStaysSo() throws IOException {
        byte[] file = "a\nexport PATH=/usr/bin:/bin\nb".getBytes(StandardCharsets.UTF_8);
        String moved = new String(BlockEditor.placeAfter(file, BODY, 1), StandardCharsets.UTF_8);
        assertThat(moved).startsWith("a\nexport PATH=/usr/bin:/bin\n" + BlockEditor.START + "\n").endsWith(BlockEditor.END + "\nb");
        String atEnd = new String(BlockEditor.placeAfter(file, BODY, 2), StandardCharsets.UTF_8);
        assertThat(atEnd).endsWith("\nb\n" + BlockEditor.START + "\n" + BlockEditor.HEADER + "\n" + BODY.getFirst() + "\n" + BlockEditor.END);
        assertThat(BlockEditor.undo(atEnd.getBytes(StandardCharsets.UTF_8))).isEqualTo(file);
        byte[] crlf = "x\r\nPATH=/bin\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(BlockEditor.placeAfter(crlf, BODY, 1), StandardCharsets.UTF_8).replace("\r\n", "")).doesNotContain("\n");
        assertThatThrownBy(() -> BlockEditor.placeAfter(file, BODY, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathSetFromScratchIsToldFromPathExtended() {
        for (String reset : List.of("export PATH=/usr/bin:/bin", "PATH=\"/usr/bin:/bin\"", "export PATH=$HOME/bin:/usr/bin",
                "declare -x PATH=/usr/bin", "path=(/usr/bin /bin)", "path=(/bin)",
                "set -gx PATH /usr/bin /bin", "set PATH $HOME/.local/bin /usr/bin", "$env:PATH = 'C:\\Windows'",
                "export PATH=/usr/bin:/bin; export EDITOR=vim")) {
            assertThat(ConflictScanner.resetsPath(reset)).as(reset).isTrue();
        }
        for (String keeps : List.of("export PATH=\"$HOME/bin:$PATH\"", "PATH=${PATH}:/opt/bin", "path=($HOME/bin $path)",
                "set -gx PATH $HOME/bin $PATH", "set -a PATH /opt/bin", "set --prepend PATH /opt/bin", "set -e PATH",
                "$env:PATH = \"C:\\go;$env:PATH\"", "PATH=/usr/bin make install", "export GOPATH=/x", "export MANPATH=/usr/share/man",
                "echo $PATH", "path=(", "export PATH=$NEWPATH", "PATH=$(getconf PATH)", "$env:Path = ($arrPath + $addPath) -join ';'")) {
            assertThat(ConflictScanner.resetsPath(keeps)).as(keeps).isFalse();
        }
    }

    @Test
    void anotherGoPrependedWinsAndAppendedDoesNot() {
        assertThat(ConflictScanner.putsGoFirst("export PATH=/usr/local/go/bin:$PATH")).isTrue();
        assertThat(ConflictScanner.putsGoFirst("set -gx PATH /usr/local/go/bin $PATH")).isTrue();
        assertThat(ConflictScanner.putsGoFirst("fish_add_path /usr/local/go/bin")).isTrue();
        assertThat(ConflictScanner.putsGoFirst("export PATH=$PATH:/usr/local/go/bin")).isFalse();
        assertThat(ConflictScanner.putsGoFirst("fish_add_path -a /usr/local/go/bin")).isFalse();
        assertThat(ConflictScanner.putsGoFirst("export PATH=$HOME/go/bin:$PATH")).as("GOPATH/bin is ours too").isFalse();
    }

    @Test
    void pathHelperRunAgainAfterOurBlockIsFoundForZsh() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("mac-home"));
        ShellFiles files = new ShellFiles("mac", home, Map.of(), null);
        EnvSetup setup = new EnvSetup(files, home.resolve("Library/Application Support/gosetup"));
        setup.apply(setup.plan(new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of()), EnumSet.of(Shell.ZSH), Set.of()));
        Files.writeString(home.resolve(".zlogin"), "if [ -x /usr/libexec/path_helper ]; then\n  eval `/usr/libexec/path_helper -s`\nfi\n");
        List<StartupOrder.Step> steps = StartupOrder.walk(files, Shell.ZSH, StartupOrder.Start.LOGIN);
        assertThat(steps.stream().filter(StartupOrder.Step::resetsPath)).extracting(StartupOrder.Step::line, StartupOrder.Step::standalone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false));
    }

    @Test
    void theOrderFollowsTheFilesAShellReadsAndTheFilesTheySource() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.copy(dev.gosetup.testing.Fixtures.root().resolve("rcfiles/profile__linuxmint_bash__debian_skel.profile"), home.resolve(".profile"));
        Files.writeString(home.resolve(".bashrc"), "export A=1\n[ -f ~/.bash_aliases ] && . ~/.bash_aliases\n");
        Files.writeString(home.resolve(".bash_aliases"), "alias ll='ls -l'\n");
        Files.createDirectories(home.resolve(".config/fish/conf.d"));
        Files.writeString(home.resolve(".config/fish/conf.d/zz.fish"), "set -gx PATH /bin\n");
        Files.writeString(home.resolve(".config/fish/conf.d/aa.fish"), "set -gx X 1\n");
        ShellFiles files = new ShellFiles("linux", home, Map.of(), null);
        EnvSetup setup = new EnvSetup(files, home.resolve(".config/gosetup"));
        setup.apply(setup.plan(new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of()),
                EnumSet.of(Shell.BASH, Shell.FISH), Set.of()));

        List<StartupOrder.Step> login = StartupOrder.walk(files, Shell.BASH, StartupOrder.Start.LOGIN);
        List<String> visits = new java.util.ArrayList<>();
        login.forEach(s -> {
            String name = s.file().getFileName().toString();
            if (visits.isEmpty() || !visits.getLast().equals(name)) {
                visits.add(name);
            }
        });
        assertThat(visits).containsExactly(".profile", ".bashrc", ".bash_aliases", ".bashrc", ".profile");
        assertThat(login.getLast().ours()).as(".profile's block runs last").isTrue();
        assertThat(StartupOrder.files(files, Shell.FISH, StartupOrder.Start.LOGIN)).extracting(p -> p.getFileName().toString())
                .containsExactly("aa.fish", "gosetup.fish", "zz.fish", "config.fish");
        assertThat(StartupOrder.walk(files, Shell.FISH, StartupOrder.Start.LOGIN).stream().filter(StartupOrder.Step::resetsPath))
                .extracting(s -> s.file().getFileName().toString()).containsExactly("zz.fish");
        assertThat(StartupOrder.starts("linux", Shell.BASH)).containsExactly(StartupOrder.Start.LOGIN, StartupOrder.Start.TAB);
        assertThat(StartupOrder.starts("mac", Shell.BASH)).containsExactly(StartupOrder.Start.LOGIN);
    }
}
