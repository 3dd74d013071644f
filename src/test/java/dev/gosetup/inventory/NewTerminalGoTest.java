package dev.gosetup.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.settings.Settings;
import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.testing.RealBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which go a new terminal runs, told from the files a login shell reads (a Linux machine built in a folder,
 * real startup files written by the real EnvSetup): our block first when the login shell's file holds it.
 */
class NewTerminalGoTest {
    @TempDir
    Path root;
    Path home;
    Path sdk;
    ShellSources shells;

    @BeforeEach
    void machine() throws IOException {
        home = Files.createDirectories(root.resolve("home/alex"));
        sdk = home.resolve("sdk");
        InventoryTest.go(sdk.resolve("go1.22.5"), "go1.22.5", RealBinaries.LINUX_AMD64);
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        InventoryTest.go(root.resolve("usr/local/go"), "go1.20.3", RealBinaries.LINUX_AMD64);
        Files.createDirectories(root.resolve("usr/local/bin"));
        Files.createSymbolicLink(root.resolve("usr/local/bin/go"), Path.of("../go/bin/go"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/environment"), "PATH=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n");
        Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\n");
        Files.writeString(home.resolve(".profile"), "if [ -f ~/.bashrc ]; then . ~/.bashrc; fi\n");
        shells = new ShellSources(new ShellFiles("linux", home, Map.of(), null), home, home.resolve(".config/gosetup"), sdk, Shell.BASH);
    }

    StartupPathGo probe(String processPath) {
        return StartupPathGo.of(shells, Settings.defaults(), root, Map.of("PATH", processPath));
    }

    Inventory inventory(NewTerminalGo newTerminal, String processPath) {
        return new Inventory(root, home, Map.of("PATH", processPath), sdk, false, "amd64", null, null, "linux-amd64", newTerminal);
    }

    @Test
    void withoutOurBlockANewTerminalRunsTheFirstGoOnTheSystemPath() throws IOException {
        assertThat(probe("").go()).contains(root.resolve("usr/local/bin/go"));
        List<InventoryEntry> all = inventory(probe(""), "").scan();
        assertThat(all).filteredOn(InventoryEntry::newTerminal).extracting(e -> e.install().version()).containsExactly("go1.20.3");
    }

    @Test
    void withOurBlockInTheLoginShellsFileANewTerminalRunsTheActiveVersion() throws IOException {
        EnvSetup setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), Set.of(Shell.BASH), Set.of()));
        assertThat(probe("").go()).contains(sdk.resolve("go/bin/go"));
        // this process started before the change: its PATH has only the system's go, new terminals are fine
        List<InventoryEntry> all = inventory(probe("/usr/local/bin:/usr/bin"), "/usr/local/bin:/usr/bin").scan();
        InventoryEntry ours = InventoryTest.find(all, "sdk/go1.22.5");
        assertThat(ours.newTerminal()).isTrue();
        assertThat(ours.sdkActive()).isTrue();
        assertThat(ours.active()).as("not first on this process's PATH").isFalse();
        assertThat(InventoryTest.find(all, "usr/local/go").newTerminal()).isFalse();
    }

    @Test
    void aBlockWhoseScriptIsGoneChangesNothing() throws IOException {
        EnvSetup setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), Set.of(Shell.BASH), Set.of()));
        Files.delete(home.resolve(".config/gosetup/env.sh")); // the block only sources it when it is there
        assertThat(probe("").go()).contains(root.resolve("usr/local/bin/go"));
    }

    @Test
    void whenTheSystemPathHasNoGoTheUsersOwnAdditionsAreLookedAt() throws IOException {
        Files.delete(root.resolve("usr/local/bin/go"));
        assertThat(probe("").go()).isEmpty();
        assertThat(probe("/usr/local/go/bin:/usr/bin").go()).contains(root.resolve("usr/local/go/bin/go"));
        List<InventoryEntry> none = inventory(probe(""), "").scan();
        assertThat(none).noneMatch(InventoryEntry::newTerminal);
    }

    @Test
    void macOsBuildsTheSystemPathLikePathHelper() throws IOException {
        Files.writeString(root.resolve("etc/paths"), "/usr/local/bin\n/usr/bin\n/bin\n");
        Files.createDirectories(root.resolve("etc/paths.d"));
        Files.writeString(root.resolve("etc/paths.d/go"), "/usr/local/go/bin\n");
        assertThat(StartupPathGo.systemPath(root, "mac")).containsExactly("/usr/local/bin", "/usr/bin", "/bin", "/usr/local/go/bin");
        assertThat(StartupPathGo.systemPath(root, "linux")).startsWith("/usr/local/sbin", "/usr/local/bin");
    }

    /**
     * The startup file and the system files are the user's and the machine's, not ours: a FIFO must not hang the
     * listing (opening one for reading waits for a writer) and a huge file must not be read whole (the app's heap is
     * 128 MiB). Either is taken as "no block there", as env and doctor take it.
     */
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "FIFOs (mkfifo) do not exist on Windows")
    @Test
    void aFifoOrAHugeStartupFileNeitherHangsNorIsReadWhole() throws Exception {
        EnvSetup setup = shells.setup();
        setup.apply(setup.plan(shells.spec(Settings.defaults()), Set.of(Shell.BASH), Set.of()));
        Path bashrc = home.resolve(".bashrc");
        Files.delete(bashrc);
        Process mkfifo = new ProcessBuilder("mkfifo", bashrc.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Files.delete(home.resolve(".profile"));
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(home.resolve(".profile").toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse: 3 GiB that cost no disk
        }
        java.util.concurrent.CompletableFuture<java.util.Optional<Path>> go =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> probe("").go());
        assertThat(go.get(20, java.util.concurrent.TimeUnit.SECONDS)).as("as if the block were not there")
                .contains(root.resolve("usr/local/bin/go"));
        Files.delete(root.resolve("etc/environment"));
        Process fifo = new ProcessBuilder("mkfifo", root.resolve("etc/environment").toString()).start();
        assertThat(fifo.waitFor()).isZero();
        java.util.concurrent.CompletableFuture<List<String>> path =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> StartupPathGo.systemPath(root, "linux"));
        assertThat(path.get(20, java.util.concurrent.TimeUnit.SECONDS)).as("the shells' built-in default").isNotEmpty();
    }
}
