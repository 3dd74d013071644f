package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gosetup use}, {@code remove} and {@code rollback} over complete trees as golang.org/dl leaves them (none of
 * them runs Go, so they need no real build). Rollback: a previous version removed since, a scribbled-over history, the
 * policy. {@code use 1.22}, as {@code install 1.22} is understood: that line's newest installed patch (it used to answer
 * "go1.22 is not installed" next to an installed go1.22.12, found walking the journey); {@code remove} keeps to exact
 * versions and names the installed ones.
 */
class RollbackCliTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class)
    Path tmp;

    private Path home;

    private void tree(String name) throws Exception {
        dev.gosetup.testing.SdkTrees.complete(home.resolve("sdk"), name);
    }

    private CliResult run(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--home", home.toString()))
                .toArray(String[]::new);
        return CliResult.run(tmp, all);
    }

    private String active() throws Exception {
        return Files.readSymbolicLink(home.resolve("sdk/go")).toString();
    }

    @Test
    void aPreviousVersionRemovedSinceIsSaidWithWhatToDo() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.21.13");
        tree("go1.22.12");
        assertThat(run("use", "1.21.13").exitCode()).isZero();
        assertThat(run("use", "1.22.12").exitCode()).isZero();
        assertThat(run("remove", "1.21.13").exitCode()).isZero();

        CliResult removed = run("rollback");
        assertThat(removed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(removed.err()).contains("The previous active Go, go1.21.13, was removed since")
                .contains("Install it again with \"gosetup install 1.21.13\", then run \"gosetup rollback\" again");
        assertThat(active()).isEqualTo("go1.22.12");
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "rollback", "--home", home.toString());
        assertThat(zh.err()).contains("之前使用的 Go go1.21.13 已被删除").contains("“gosetup install 1.21.13”");

        tree("go1.21.13"); // installed again
        CliResult back = run("rollback");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("go1.21.13 is the active Go again (was go1.22.12)");
        assertThat(active()).isEqualTo("go1.21.13");
        CliResult zhNothing = CliResult.run(tmp, "--lang", "zh-CN", "rollback", "--home", home.toString());
        assertThat(zhNothing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(zhNothing.err()).contains("没有可以回退到的更早的 Go 版本").contains("gosetup use VERSION");
    }

    @Test
    void aScribbledHistoryIsReadAsFarAsItMakesSense() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.21.13");
        tree("go1.22.12");
        assertThat(run("use", "1.22.12").exitCode()).isZero();
        Files.writeString(home.resolve("sdk/.gosetup-history.json"), "{\"activations\": [\"go1.21.13\", \"$(rm -rf ~)\", 42, \"go1.22.12\"]}");
        CliResult back = run("rollback");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(active()).isEqualTo("go1.21.13");

        Files.write(home.resolve("sdk/.gosetup-history.json"), new byte[] {(byte) 0xff, 0, '{'});
        CliResult nothing = run("rollback");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nothing.err()).contains("There is no earlier active Go to go back to in " + home.resolve("sdk"));
        // The next activation writes a good file again.
        assertThat(run("use", "1.22.12").exitCode()).isZero();
        assertThat(run("rollback").exitCode()).isZero();
        assertThat(active()).isEqualTo("go1.21.13");
    }

    @Test
    void thePolicyDecidesWhetherThePreviousVersionMayComeBack() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.21.13");
        tree("go1.22.12");
        assertThat(run("use", "1.21.13").exitCode()).isZero();
        assertThat(run("use", "1.22.12").exitCode()).isZero();
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"allowedGoVersions\": [\"1.22\"]}");
        CliResult r = run("rollback", "--policy", policy.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("go1.21.13, is not allowed by your organisation's policy");
        assertThat(active()).isEqualTo("go1.22.12");
    }

    @Test
    void aLineMeansItsNewestInstalledPatch() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.22.5");
        tree("go1.22.12");
        tree("go1.23rc1"); // a pre-release is never what "1.23" means
        tree("go1.21.13");

        CliResult r = run("use", "1.22");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("go1.22.12");
        assertThat(active()).isEqualTo("go1.22.12");

        assertThat(run("use", "go1.21").exitCode()).isZero();
        assertThat(active()).isEqualTo("go1.21.13");

        CliResult pre = run("use", "1.23");
        assertThat(pre.exitCode()).isNotZero();
        assertThat(pre.err()).contains("go1.23 is not installed");
        assertThat(active()).as("unchanged").isEqualTo("go1.21.13");

        assertThat(run("use", "1.22.5").exitCode()).as("a full version is taken as it is").isZero();
        assertThat(active()).isEqualTo("go1.22.5");
    }

    /** Removing takes the exact version: a line gets the installed patches named, and nothing is removed. */
    @Test
    void removeNamesThePatchesOfALine() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.22.5");
        tree("go1.22.12");
        CliResult r = run("remove", "1.22");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("go1.22 names a line").contains("go1.22.12, go1.22.5").contains("gosetup remove 1.22.12");
        assertThat(home.resolve("sdk/go1.22.5")).isDirectory();
        assertThat(home.resolve("sdk/go1.22.12")).isDirectory();
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "remove", "1.22", "--home", home.toString());
        assertThat(zh.err()).contains("该系列已安装：go1.22.12, go1.22.5");
        assertThat(run("remove", "1.22.5").exitCode()).isZero();
        assertThat(home.resolve("sdk/go1.22.5")).doesNotExist();
    }

    /** Before Go 1.21 a line's first release was named go1.20, not go1.20.0: a tree under that exact name wins. */
    @Test
    void aReleaseNamedLikeItsLineIsThatRelease() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.20");
        tree("go1.20.14");
        assertThat(run("use", "1.20").exitCode()).isZero();
        assertThat(active()).isEqualTo("go1.20");
        assertThat(run("use", "1.20.14").exitCode()).isZero();
        assertThat(active()).isEqualTo("go1.20.14");
    }
}
