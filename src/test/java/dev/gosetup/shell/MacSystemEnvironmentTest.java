package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.Shells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * macOS system mode (issue 19.3) on a copy of a real macOS /etc (src/test/fixtures/platform: /etc/zprofile and
 * /etc/profile byte-identical to Apple's, the official .pkg's /etc/paths.d/go), run by the real zsh and bash here.
 * path_helper does not exist on Linux, so the PATH it would make is given as the starting PATH, in its order:
 * /etc/paths first, then paths.d in name order (the .pkg's /usr/local/go/bin).
 */
class MacSystemEnvironmentTest {
    private static final Path PLATFORM = dev.gosetup.testing.Fixtures.platform();
    private static final String PATH_HELPER_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/go/bin";

    @TempDir
    Path root;

    @Test
    void ourGoAndThePolicysVariablesReachEveryLoginShellAheadOfThePkg() throws Exception {
        Path etc = Files.createDirectories(root.resolve("etc/paths.d"));
        byte[] zprofile = Files.readAllBytes(PLATFORM.resolve("macos_etc_zprofile_13.0-15.x"));
        byte[] profile = Files.readAllBytes(PLATFORM.resolve("macos_etc_profile_13.0-26.0"));
        Files.write(root.resolve("etc/zprofile"), zprofile);
        Files.write(root.resolve("etc/profile"), profile);
        Files.copy(PLATFORM.resolve("macos_etc_paths.d_go"), etc.resolve("go"));
        Files.writeString(etc.resolve("gosetup"), "/usr/local/sdk/go/bin\n"); // what earlier versions wrote
        Path sdk = root.resolve("usr/local/sdk");
        Path go = Files.createDirectories(sdk.resolve("go/bin")).resolve("go");
        Files.writeString(go, "#!/bin/sh\necho company go\n");
        go.toFile().setExecutable(true);

        SystemEnvironment mac = new SystemEnvironment("mac", root);
        SystemEnvironment.Plan plan = mac.plan(sdk, Map.of("GOPROXY", "https://goproxy.corp.example,direct", "GOPRIVATE", "*.corp.example"), false);
        assertThat(plan.diff()).contains("+# >>> gosetup >>>").contains("etc/zprofile").contains("etc/profile").contains("etc/gosetup/env.sh")
                .contains("-/usr/local/sdk/go/bin");
        mac.apply(plan);

        // Apple's lines are untouched: the block is added after them, and a copy of the original is kept.
        assertThat(Files.readString(root.resolve("etc/zprofile"))).startsWith(new String(zprofile)).contains(BlockEditor.START);
        assertThat(root.resolve("etc/zprofile.gosetup-backup")).hasBinaryContent(zprofile);
        assertThat(etc.resolve("gosetup")).doesNotExist();
        assertThat(etc.resolve("go")).exists(); // the .pkg's file is not ours

        for (String shell : List.of("zsh", "bash")) {
            Shells.require(shell);
            String rc = root.resolve(shell.equals("zsh") ? "etc/zprofile" : "etc/profile").toString();
            ProcessBuilder pb = new ProcessBuilder(shell, "-c", ". '" + rc + "'; command -v go; go; echo \"$GOPROXY|$GOPRIVATE\"");
            pb.environment().put("PATH", PATH_HELPER_PATH);
            pb.environment().put("HOME", root.resolve("Users/dev").toString());
            Process p = pb.redirectErrorStream(true).start();
            p.getOutputStream().close();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            assertThat(lines).as(shell).containsExactly(go.toString(), "company go", "https://goproxy.corp.example,direct|*.corp.example");
        }

        mac.apply(mac.planUndo());
        assertThat(root.resolve("etc/zprofile")).hasBinaryContent(zprofile);
        assertThat(root.resolve("etc/profile")).hasBinaryContent(profile);
        assertThat(mac.file()).doesNotExist();
        assertThat(mac.planUndo().changesAnything()).isFalse();
    }

    /** macOS 26.0 ships a new /etc/zprofile: an update puts it in place of ours, block and all. doctor must notice. */
    @Test
    void aMacOsUpdateThatPutsBackItsZprofileIsFoundAndRepaired() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.copy(PLATFORM.resolve("macos_etc_zprofile_13.0-15.x"), root.resolve("etc/zprofile"));
        Files.copy(PLATFORM.resolve("macos_etc_profile_13.0-26.0"), root.resolve("etc/profile"));
        SystemEnvironment mac = new SystemEnvironment("mac", root);
        assertThat(mac.lostBlocks()).as("no system setup: nothing to lose").isEmpty();
        Path sdk = root.resolve("usr/local/sdk");
        mac.apply(mac.plan(sdk, Map.of(), false));
        assertThat(mac.lostBlocks()).isEmpty();

        byte[] tahoe = Files.readAllBytes(PLATFORM.resolve("macos_etc_zprofile_26.0"));
        Files.write(root.resolve("etc/zprofile"), tahoe); // what the update does
        assertThat(mac.lostBlocks()).containsExactly(root.resolve("etc/zprofile"));
        var findings = dev.gosetup.doctor.DoctorTestAccess.systemSetupFindings(mac);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("system-setup-lost");
            assertThat(f.args()).containsExactly(root.resolve("etc/zprofile").toString(), mac.file().toString());
        });

        mac.apply(mac.plan(sdk, Map.of(), false)); // the repair the finding names
        assertThat(mac.lostBlocks()).isEmpty();
        assertThat(Files.readString(root.resolve("etc/zprofile"))).as("Apple's new file kept as it is, our block after it")
                .startsWith(new String(tahoe)).contains(BlockEditor.START);
        assertThat(new SystemEnvironment("linux", root).lostBlocks()).isEmpty();
    }
}
