package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gosetup.files.ProcessUser;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.GoMirror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root working on another account's home (sudo gosetup ... --home /home/alex, an MDM script): everything
 * written there stays that account's, and its files keep their owner and mode exactly.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "gives homes and startup files to other accounts through unix:uid/gid and POSIX modes (as root); Windows has neither")
@Timeout(300)
class ForeignHomeCliTest {
    static final int ALEX = 4242;
    static final int BOB = 4343;

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void alexsHome() throws Exception {
        assumeTrue(ProcessUser.isRoot(), "giving files to another account needs root");
        home = Files.createDirectories(tmp.resolve("alex"));
        Path bashrc = Files.copy(Fixtures.root().resolve("rcfiles/bashrc__Msprg_dotfiles__.bashrc"), home.resolve(".bashrc"));
        Path profile = Files.copy(Fixtures.root().resolve("rcfiles/profile__haolian9_zongzi__zsh_.profile"), home.resolve(".profile"));
        Files.setPosixFilePermissions(bashrc, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(profile, PosixFilePermissions.fromString("rw-r--r--"));
        for (Path p : List.of(home, bashrc, profile)) {
            chown(p, ALEX);
        }
    }

    static void chown(Path p, int id) throws IOException {
        Files.setAttribute(p, "unix:uid", id, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", id, LinkOption.NOFOLLOW_LINKS);
    }

    static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    static int gid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Every path under the home (links themselves, not their targets) that is not alex's:alex's. */
    List<String> notAlexs() throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.filter(p -> {
                try {
                    return uid(p) != ALEX || gid(p) != ALEX;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> home.relativize(p) + " " + uncheckedOwner(p)).toList();
        }
    }

    static String uncheckedOwner(Path p) {
        try {
            return uid(p) + ":" + gid(p);
        } catch (IOException e) {
            return "?";
        }
    }

    CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    @Test
    void envInstallUseAndUndoLeaveEveryFileTheAccountsWithItsMode() throws Exception {
        CliResult env = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(env.exitCode()).as(env.err()).isZero();
        assertThat(home.resolve(".config/gosetup/env.sh")).exists();
        assertThat(notAlexs()).as("after env --apply").isEmpty();
        assertThat(mode(home.resolve(".bashrc"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve(".profile"))).isEqualTo("rw-r--r--");

        Path mirror = GoMirror.dir();
        long start = System.nanoTime();
        CliResult install = run("install", "1.19", "--catalog", mirror.resolve("dl.json").toString(), "--mirror", mirror.toString(),
                "--home", home.toString(), "--platform", "linux-amd64", "--json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(install.exitCode()).as(install.err()).isZero();
        System.out.println("install of the real Go tree into a foreign home: " + millis + " ms");
        assertThat(home.resolve("sdk/go1.19.8/bin/go")).exists();
        assertThat(Files.isSymbolicLink(home.resolve("sdk/go"))).isTrue();
        assertThat(notAlexs()).as("after install").isEmpty();

        CliResult use = run("use", "go1.19.8", "--home", home.toString());
        assertThat(use.exitCode()).as(use.err()).isZero();
        assertThat(notAlexs()).as("after use").isEmpty();

        CliResult undo = run("env", "--home", home.toString(), "--shell", "bash", "--undo", "--yes");
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(notAlexs()).as("after undo").isEmpty();
        assertThat(mode(home.resolve(".bashrc"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve(".profile"))).isEqualTo("rw-r--r--");
    }

    @Test
    void aStartupFileOfAThirdAccountIsNotGuessedAbout() throws Exception {
        chown(home.resolve(".bashrc"), BOB);
        byte[] before = Files.readAllBytes(home.resolve(".bashrc"));
        CliResult env = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(env.exitCode()).isNotZero();
        assertThat(env.err()).contains(".bashrc").contains("4343").contains("4242").contains("chown");
        assertThat(Files.readAllBytes(home.resolve(".bashrc"))).isEqualTo(before);
        assertThat(uid(home.resolve(".bashrc"))).isEqualTo(BOB);
        assertThat(home.resolve(".config")).as("nothing was written").doesNotExist();
    }

    /** alex points ~/sdk and ~/.config/gosetup at root's folders: root must not follow them and write there. */
    @Test
    void linksOutOfTheHomeToFoldersAlexDoesNotOwnAreRefused() throws Exception {
        Path rootsFolder = Files.createDirectories(tmp.resolve("etc-like")); // root's, as /etc or /usr/local/bin is
        Files.createSymbolicLink(home.resolve("sdk"), rootsFolder);
        Files.setAttribute(home.resolve("sdk"), "unix:uid", ALEX, LinkOption.NOFOLLOW_LINKS);
        CliResult install = run("install", "--home", home.toString(), "--dry-run", "--platform", "linux-amd64");
        assertThat(install.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(install.err()).contains(home.resolve("sdk") + " -> " + rootsFolder).contains("link out of that home");

        Files.delete(home.resolve("sdk"));
        Files.createDirectories(home.resolve(".config"));
        chown(home.resolve(".config"), ALEX);
        Files.createSymbolicLink(home.resolve(".config/gosetup"), rootsFolder);
        CliResult env = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(env.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        try (var files = Files.list(rootsFolder)) {
            assertThat(files.toList()).as("nothing written through the link").isEmpty();
        }

        // a link to a folder alex owns (dotfiles kept elsewhere) is alex's own business
        Files.delete(home.resolve(".config/gosetup"));
        Path alexsElsewhere = Files.createDirectories(tmp.resolve("alex-data/gosetup"));
        chown(alexsElsewhere, ALEX);
        Files.createSymbolicLink(home.resolve(".config/gosetup"), alexsElsewhere);
        CliResult ok = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes", "--no-probe");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(uid(alexsElsewhere.resolve("env.sh"))).isEqualTo(ALEX);
    }
}
