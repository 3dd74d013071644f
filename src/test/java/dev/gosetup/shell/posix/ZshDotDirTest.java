package dev.gosetup.shell.posix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.shell.Shell;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.Shells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where zsh reads its files, asked of the real zsh with real ~/.zshenv files from Macs that move ZDOTDIR
 * (src/test/fixtures/platform, INDEX.md says where each is from) — and whatever ZDOTDIR this test process has.
 */
class ZshDotDirTest {
    private static final Path PLATFORM = dev.gosetup.testing.Fixtures.platform();

    @TempDir
    Path home;

    @BeforeEach
    void needsZsh() {
        Shells.require("zsh");
    }

    @Test
    void aZshenvThatMovesZdotdirIsFollowed() throws Exception {
        Files.createDirectories(home.resolve(".config/zsh"));
        Files.writeString(home.resolve(".config/zsh/.zshenv"), "");
        Files.copy(PLATFORM.resolve("macos_zshenv_zdotdir_m1yam0t0.zshenv"), home.resolve(".zshenv"));
        assertThat(ZshDotDir.ask(home)).contains(new ZshDotDir.Answer(Optional.of(home.resolve(".config/zsh"))));

        // The app's files land where zsh reads them: .zprofile and .zshrc under ~/.config/zsh.
        ShellSources shells = ShellSources.forHome(home, home.resolve("sdk"));
        assertThat(shells.files().targets(Shell.ZSH)).allSatisfy(t -> assertThat(t.path().getParent()).isEqualTo(home.resolve(".config/zsh")));
    }

    @Test
    void aConditionalZdotdirIsFollowedOnlyWhenItsFolderExists() throws Exception {
        Files.copy(PLATFORM.resolve("macos_zshenv_zdotdir_kauffecup.zshenv"), home.resolve(".zshenv"));
        // No ~/.config/zsh: the file leaves ZDOTDIR unset (its `source "$ZDOTDIR/.zshenv"` fails quietly here).
        assertThat(ZshDotDir.ask(home)).contains(new ZshDotDir.Answer(Optional.empty()));
        Files.createDirectories(home.resolve(".config/zsh"));
        Files.writeString(home.resolve(".config/zsh/.zshenv"), "");
        assertThat(ZshDotDir.ask(home)).contains(new ZshDotDir.Answer(Optional.of(home.resolve(".config/zsh"))));
    }

    @Test
    void withNoZshenvAnywhereZshIsNotEvenStarted() throws Exception {
        // A zsh that cannot start: an answer proves none was needed; asking it gives no answer at all.
        Path noZsh = home.resolve("missing/bin/zsh");
        java.util.List<Path> global = java.util.List.of(home.resolve("etc/zshenv"));
        assertThat(ZshDotDir.ask(noZsh, home, global)).contains(new ZshDotDir.Answer(Optional.empty()));

        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/zshenv"), "export ZDOTDIR=$HOME/.config/zsh\n");
        assertThat(ZshDotDir.ask(noZsh, home, global)).as("a global zshenv may move it: zsh must be asked").isEmpty();
        Files.delete(home.resolve("etc/zshenv"));
        Files.createSymbolicLink(home.resolve(".zshenv"), home.resolve("dotfiles/zshenv")); // dangling, still zsh's business
        assertThat(ZshDotDir.ask(noZsh, home, global)).isEmpty();
        assertThat(ZshDotDir.globalZshenv(Path.of("/opt/homebrew/bin/zsh")))
                .contains(Path.of("/etc/zshenv"), Path.of("/etc/zsh/zshenv"), Path.of("/opt/homebrew/etc/zshenv"));
    }

    @Test
    void noZshenvMeansTheHomeFolder() throws Exception {
        assertThat(ZshDotDir.ask(home)).contains(new ZshDotDir.Answer(Optional.empty()));
        assertThat(ShellSources.forHome(home, null).files().targets(Shell.ZSH))
                .allSatisfy(t -> assertThat(t.path().getParent()).isEqualTo(home));
    }

    @Test
    void aNoisyOrSlowZshenvDoesNotConfuseOrHangTheAnswer() throws Exception {
        Files.writeString(home.resolve(".zshenv"), "print gosetup-zdotdir:/not/this\nprint hello\nexport ZDOTDIR=$HOME/z\n");
        Files.createDirectories(home.resolve("z"));
        assertThat(ZshDotDir.ask(home)).contains(new ZshDotDir.Answer(Optional.of(home.resolve("z"))));
        Files.writeString(home.resolve(".zshenv"), "sleep 30\n");
        long start = System.nanoTime();
        assertThat(ZshDotDir.ask(home)).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20); // gave up, did not wait for the sleep
    }

    @Test
    void relativeOrControlCharacterAnswersAreRefused() {
        assertThat(ZshDotDir.parse("gosetup-zdotdir:relative/dir\n", home)).isEmpty();
        assertThat(ZshDotDir.parse("gosetup-zdotdir:/a\u001bb\n", home)).isEmpty();
        assertThat(ZshDotDir.parse("nothing\n", home)).isEmpty();
        assertThat(ZshDotDir.parse("gosetup-zdotdir:" + home + "/\n", home)).contains(new ZshDotDir.Answer(Optional.empty()));
    }
}
