package dev.gosetup.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.shell.EnvSetup;
import dev.gosetup.shell.EnvSpec;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during the write: a real 64 KiB tmpfs, mounted for the test (needs root, as in
 * .ci/run; skipped where mounting is not allowed). The user's file must come out untouched.
 */
class DiskFullTest {
    @TempDir
    Path tmp;
    Path mount;

    static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @BeforeEach
    void mountTinyDisk() throws Exception {
        mount = Files.createDirectories(tmp.resolve("full"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Assumptions.assumeTrue(root && run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mount.toString()) == 0,
                "mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskLeavesTheStartupFileAsItWasAndSaysWhy() throws IOException {
        Path home = mount;
        String original = "# a long .bashrc\n" + "alias x='echo x'\n".repeat(2200); // ~37 KB of 64 KB
        Path bashrc = Files.writeString(home.resolve(".bashrc"), original);
        Files.writeString(home.resolve(".profile"), "# profile\n");
        EnvSetup setup = new EnvSetup(new ShellFiles("linux", home, Map.of(), null), home.resolve(".config/gosetup"));
        EnvSpec spec = new EnvSpec(home, home.resolve("sdk/go"), home.resolve("go"), false, Map.of());
        EnvSetup.Plan plan = setup.plan(spec, EnumSet.of(Shell.BASH), Set.of());
        assertThatThrownBy(() -> setup.apply(plan)).isInstanceOf(IOException.class).hasMessageContaining("unchanged")
                .hasMessageContaining("disk space")
                // env.sh was written before the startup file failed: said, never "nothing was written"
                .isInstanceOfSatisfying(EnvSetup.PartlyAppliedException.class, e ->
                        assertThat(e.done().written()).containsExactly(home.resolve(".config/gosetup/env.sh")));
        assertThat(Files.readString(bashrc)).isEqualTo(original);
        try (Stream<Path> s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no half backup, no temporary")
                    .noneMatch(n -> n.endsWith(".gosetup-tmp") || n.contains(".gosetup-backup-"));
        }

        // a backup made on an earlier day, so none is needed now; the disk is full: the new file itself cannot be written
        Files.writeString(home.resolve(".bashrc.gosetup-backup-20260101-000000"), "# old backup\n");
        Path filler = home.resolve("filler");
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[1024];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full now
        }
        EnvSetup.Plan second = setup.plan(spec, EnumSet.of(Shell.BASH), Set.of());
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> setup.apply(second));
        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining("unchanged");
        assertThat(Files.readString(bashrc)).isEqualTo(original);
        try (Stream<Path> s = Files.list(home)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".gosetup-tmp"));
        }
    }
}
