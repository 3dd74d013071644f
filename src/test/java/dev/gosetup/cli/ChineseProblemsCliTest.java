package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gosetup.shell.BlockEditor;
import dev.gosetup.files.ProcessUser;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.TrustedTempDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user who reads Chinese runs {@code gosetup --lang zh-CN env --apply} on a real home whose startup file gosetup
 * must not touch: what happened and what to do come in Chinese, with the file and the line numbers; the exit code is
 * the documented one; the file is byte for byte as it was.
 */
@Timeout(120)
class ChineseProblemsCliTest {
    @TempDir(factory = TrustedTempDir.class)
    Path tmp;
    Path home;
    Path zshrc;
    byte[] before;

    @BeforeEach
    void homeWithDamagedMarkers() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        // a real .zshrc (from the fixtures) with our start marker left behind and its end marker cut short
        String real = Files.readString(Fixtures.root().resolve("rcfiles/zshrc__ohmyzsh_ohmyzsh__templates_zshrc.zsh-template"), StandardCharsets.UTF_8);
        zshrc = home.resolve(".zshrc");
        Files.writeString(zshrc, real + "\n" + BlockEditor.START + "\n. \"$HOME/.config/gosetup/env.zsh\"\n# <<< gosetup <<\n");
        before = Files.readAllBytes(zshrc);
    }

    @Test
    void damagedMarkersAreExplainedInChineseAndTheFileIsLeftAsItIs() throws Exception {
        long lines = Files.readAllLines(zshrc).size();
        CliResult r = CliResult.run(tmp, "--lang", "zh-CN", "env", "--home", home.toString(), "--shell", "zsh", "--apply", "--yes", "--no-probe");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED); // docs: 1, the environment could not be set up
        assertThat(r.err())
                .contains(zshrc + " 中的 gosetup 标记已损坏（行号：" + (lines - 2) + ", " + lines + "）") // what, with the facts
                .contains("请修复或删除 " + zshrc + " 中的这些行，然后重试。") // what to do
                .doesNotContain("damaged").doesNotContain("Nothing").doesNotContain("[startup.");
        assertThat(Files.readAllBytes(zshrc)).as("byte-identical").isEqualTo(before);
        assertThat(home.resolve(".config/gosetup/env.zsh")).as("nothing was written").doesNotExist();
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "gives the files to other accounts through unix:uid (as root); Windows files have no POSIX owner")
    @Test
    void aStartupFileOfAnotherAccountIsExplainedInChinese() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "giving files to another account needs root");
        Files.writeString(zshrc, "export EDITOR=vim\n");
        before = Files.readAllBytes(zshrc);
        Files.setAttribute(home, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(zshrc, "unix:uid", 4343, LinkOption.NOFOLLOW_LINKS);
        CliResult r = CliResult.run(tmp, "--lang", "zh-CN", "env", "--home", home.toString(), "--shell", "zsh", "--apply", "--yes", "--no-probe");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains(zshrc + " 属于 4343（uid 4343），但主目录 " + home + " 属于 4242（uid 4242）")
                .contains("gosetup 不会猜测这个文件归谁")
                .contains("请把它交给主目录的所有者（sudo chown 4242 " + zshrc + "）")
                .doesNotContain("belongs").doesNotContain("[startup.");
        assertThat(Files.readAllBytes(zshrc)).as("byte-identical").isEqualTo(before);
        assertThat((Integer) Files.getAttribute(zshrc, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4343);
    }

    /** The health check names a startup file that is a FIFO in Chinese, in its finding and for the new-terminal check. */
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "FIFOs (mkfifo) do not exist on Windows")
    @Test
    void aFifoStartupFileIsReportedInChineseByTheHealthCheck() throws Exception {
        Path bashrc = home.resolve(".bashrc");
        assertThat(new ProcessBuilder("mkfifo", bashrc.toString()).start().waitFor()).isZero();
        CliResult r = CliResult.run(tmp, "--lang", "zh-CN", "doctor", "--offline", "--home", home.toString());
        assertThat(r.out() + r.err()).contains(bashrc + " 是命名管道（FIFO）").doesNotContain("named pipe").doesNotContain("[startup.");
        assertThat(Files.readAttributes(bashrc, java.nio.file.attribute.BasicFileAttributes.class).isOther()).as("still a FIFO, never opened").isTrue();
        assertThat(Files.readAllBytes(zshrc)).isEqualTo(before);
    }
}
