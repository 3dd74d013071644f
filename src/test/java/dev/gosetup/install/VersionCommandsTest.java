package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.files.FileOwner;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go1.X.Y commands in ROOT/bin: made with the version, gone with it, never over a file gosetup did not make
 * (a golang.org/dl wrapper someone copied there, a script of their own). The real go switching through them is
 * in ProjectOfflineRunTest.
 */
class VersionCommandsTest {
    @TempDir
    Path tmp;

    private static GoVersion v(String name) {
        return GoVersion.parse(name).orElseThrow();
    }

    /** A version folder whose bin/go is a script that says which version it is: the link must reach it. */
    private static void install(Path root, String version) throws IOException {
        Path bin = Files.createDirectories(root.resolve(version).resolve("bin"));
        Path go = bin.resolve("go");
        Files.writeString(go, "#!/bin/sh\necho \"" + version + " $*\"\n");
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(root.resolve(version).resolve(SdkRoot.MARKER));
    }

    private static String run(Path command, String arg) throws Exception {
        Process p = new ProcessBuilder(command.toString(), arg).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the POSIX commands: relative symbolic links to a sh-script go, run here; on Windows they are .cmd launchers, tested by onWindowsEachCommandIsACmdLauncherThatRunsTheVersionsGoExe")
    @Test
    void aCommitGivesTheVersionItsCommandAndRemovingItTakesTheCommandAway() throws Exception {
        Path root = tmp.resolve("sdk");
        install(root, "go1.22.12");
        SdkRoot sdk = new SdkRoot(root, new ActiveLink.Symlink());
        sdk.syncCommands();
        Path cmd = root.resolve("bin/go1.22.12");
        assertThat(Files.readSymbolicLink(cmd)).as("relative: the root can move").isEqualTo(Path.of("../go1.22.12/bin/go"));
        assertThat(run(cmd, "version")).isEqualTo("go1.22.12 version");
        assertThat(sdk.commands().state(v("go1.22.12"))).isEqualTo(VersionCommands.State.OURS);
        assertThat(sdk.installed()).as("bin is not a version").containsExactly(v("go1.22.12"));

        sdk.remove(v("go1.22.12"));
        assertThat(cmd).doesNotExist();
        assertThat(root.resolve("bin")).isDirectory();
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the POSIX commands: relative symbolic links to a sh-script go, run here; on Windows they are .cmd launchers, tested by onWindowsEachCommandIsACmdLauncherThatRunsTheVersionsGoExe")
    @Test
    void aFileThatIsNotOursKeepsItsNameAndItsBytes() throws Exception {
        Path root = tmp.resolve("sdk");
        install(root, "go1.21.13");
        install(root, "go1.23.5");
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path theirs = bin.resolve("go1.21.13");
        Files.writeString(theirs, "#!/bin/sh\nexec my-own-go \"$@\"\n"); // someone's own wrapper
        Path otherLink = Files.createSymbolicLink(bin.resolve("go1.19.8"), Path.of("/opt/go1.19.8/bin/go")); // a link, not to our target
        VersionCommands commands = new SdkRoot(root, new ActiveLink.Symlink()).commands();

        List<GoVersion> blocked = commands.sync(List.of(v("go1.21.13"), v("go1.23.5")), FileOwner.PROCESS);

        assertThat(blocked).containsExactly(v("go1.21.13"));
        assertThat(Files.readString(theirs)).isEqualTo("#!/bin/sh\nexec my-own-go \"$@\"\n");
        assertThat(commands.state(v("go1.21.13"))).isEqualTo(VersionCommands.State.NOT_OURS);
        assertThat(commands.remove(v("go1.21.13"))).as("not ours to remove").isTrue();
        assertThat(theirs).exists();
        assertThat(Files.isSymbolicLink(otherLink)).as("go1.19.8 is not installed, but the link is not ours either").isTrue();
        assertThat(run(bin.resolve("go1.23.5"), "env")).isEqualTo("go1.23.5 env");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the POSIX commands: relative symbolic links to a sh-script go, run here; on Windows they are .cmd launchers, tested by onWindowsEachCommandIsACmdLauncherThatRunsTheVersionsGoExe")
    @Test
    void ourCommandForAVersionRemovedByHandIsDroppedOnTheNextSync() throws Exception {
        Path root = tmp.resolve("sdk");
        install(root, "go1.22.12");
        install(root, "go1.23.5");
        SdkRoot sdk = new SdkRoot(root, new ActiveLink.Symlink());
        sdk.syncCommands();
        SdkRoot.deleteTree(root.resolve("go1.22.12")); // by hand, not through gosetup
        sdk.syncCommands();
        assertThat(root.resolve("bin/go1.22.12")).doesNotExist();
        assertThat(Files.isSymbolicLink(root.resolve("bin/go1.23.5"))).isTrue();
    }

    /** Windows: a .cmd launcher (links need developer mode; a hard-linked go.exe would not find its GOROOT). */
    @Test
    void onWindowsEachCommandIsACmdLauncherThatRunsTheVersionsGoExe() throws Exception {
        Path root = tmp.resolve("sdk");
        VersionCommands commands = new VersionCommands(root, true);
        assertThat(commands.add(v("go1.22.12"), FileOwner.PROCESS)).isTrue();
        Path cmd = root.resolve("bin/go1.22.12.cmd");
        String text = Files.readString(cmd);
        assertThat(text).contains("\"%~dp0..\\go1.22.12\\bin\\go.exe\" %*").endsWith("\r\n");
        assertThat(commands.state(v("go1.22.12"))).isEqualTo(VersionCommands.State.OURS);
        Files.writeString(cmd, text + "rem edited by hand\r\n");
        assertThat(commands.state(v("go1.22.12"))).as("edited: no longer ours to delete").isEqualTo(VersionCommands.State.NOT_OURS);
        commands.remove(v("go1.22.12"));
        assertThat(cmd).exists();
    }
}
