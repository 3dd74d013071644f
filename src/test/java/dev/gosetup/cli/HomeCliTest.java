package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gosetup.AppContext;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.files.ProcessUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** --home moves the whole run; root does not write into a HOME that belongs to someone else. */
class HomeCliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    private static Run run(AppContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GoSetupCommand.run(context, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<Path> tree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void envApplyWithHomeWritesSettingsIntoThatHomeAndNothingIntoTheAccountsFolders() throws Exception {
        Path account = Files.createDirectories(tmp.resolve("account"));
        AppPaths accountPaths = new AppPaths(account.resolve(".config/gosetup"), account.resolve(".local/state/gosetup"));
        AppContext context = AppContext.of(accountPaths, null, account);
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve(".bashrc"), "# alex's bashrc\n");

        Run r = run(context, "env", "--home", other.toString(), "--shell", "bash", "--gopath", other.resolve("code").toString(),
                "--apply", "--yes");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tree(account)).as("the running account's folders are untouched").containsExactly(account);
        assertThat(other.resolve(".config/gosetup/settings.json")).as("the settings of the home worked on")
                .content().contains(other.resolve("code").toString());
        assertThat(other.resolve(".bashrc")).content().contains(".config/gosetup/env.sh");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "gives the home to another account through unix:uid/gid (as root); Windows files have no POSIX owner")
    @Test
    void rootRefusesToWriteIntoAnotherUsersHomeUnlessToldSo() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "needs root (CI runs as root)");
        Path alex = Files.createDirectories(tmp.resolve("home/alex"));
        Files.writeString(alex.resolve(".bashrc"), "# alex's bashrc\n");
        Files.setAttribute(alex, "unix:uid", 4242);
        Files.setAttribute(alex, "unix:gid", 4242);
        AppPaths paths = new AppPaths(alex.resolve(".config/gosetup"), alex.resolve(".local/state/gosetup"));
        AppContext context = AppContext.of(paths, null, alex); // sudo kept HOME=/home/alex

        Run env = run(context, "env", "--shell", "bash", "--apply", "--yes");
        assertThat(env.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(env.err()).contains("running as root").contains(alex.toString()).contains("uid 4242")
                .contains("sudo -H").contains("--home " + alex);
        Run install = run(context, "install", "--dry-run", "--platform", "linux-amd64");
        assertThat(install.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(tree(alex)).as("nothing was written").containsExactlyInAnyOrder(alex, alex.resolve(".bashrc"));
        assertThat(alex.resolve(".bashrc")).content().isEqualTo("# alex's bashrc\n");

        Run detect = run(context, "detect");
        assertThat(detect.code()).as("looking is fine").isZero();
    }

    /**
     * The real program, its input a pipe that stays open (a script, CI): it shows every file's diff, asks
     * nothing, changes nothing and says to add --yes — instead of waiting for an answer that never comes.
     */
    @Test
    void applyWithoutATerminalShowsTheDiffAndNeverWaits() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("h"));
        Files.writeString(home.resolve(".bashrc"), "# mine\n");
        Process p = dev.gosetup.testing.ChildJvm.of("dev.gosetup.Main", "env", "--apply", "--home", home.toString(),
                "--shell", "bash").redirectErrorStream(false).start();
        try {
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("finished without input").isTrue();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(out).as("the diff is shown, also when the program exits at once")
                    .contains("+++ b/.bashrc").contains("+# >>> gosetup >>>");
            assertThat(err).contains("--yes");
            assertThat(home.resolve(".bashrc")).content().isEqualTo("# mine\n");
            assertThat(home.resolve(".config/gosetup/env.sh")).doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }
}
