package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which projects' versions {@code gosetup cleanup} keeps for someone who lives on the command line: it knew only the
 * Projects page's folders, so from inside a project that needs go1.21.13 it offered go1.21.13 for removal (found
 * walking the journey). Now also the folders named with --project and the folder it runs in. Complete trees as
 * golang.org/dl leaves them; a dry run removes nothing.
 */
class CleanupProjectsCliTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class)
    Path tmp;

    private Path home;
    private Path project;

    private void tree(String name) throws Exception {
        dev.gosetup.testing.SdkTrees.complete(home.resolve("sdk"), name);
    }

    @BeforeEach
    void machine() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        tree("go1.21.13");
        tree("go1.22.12");
        assertThat(CliResult.run(tmp, "use", "1.22.12", "--home", home.toString()).exitCode()).isZero();
        project = Files.createDirectories(home.resolve("src/billing"));
        Files.writeString(project.resolve("go.mod"), "module example.com/billing\n\ngo 1.21.13\n");
    }

    @Test
    void aProjectNamedWithProjectKeepsItsVersion() {
        CliResult without = CliResult.run(tmp, "cleanup", "--dry-run", "--home", home.toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(without.out()).contains("go1.21.13");
        assertThat(versionsOffered(without.out())).contains("go1.21.13");

        CliResult with = CliResult.run(tmp, "cleanup", "--dry-run", "--home", home.toString(), "--project", project.toString());
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(versionsOffered(with.out())).doesNotContain("go1.21.13");
        assertThat(with.out()).contains("go1.21.13").contains("billing");
    }

    @Test
    void aProjectThatIsNotAFolderIsAUsageError() {
        CliResult r = CliResult.run(tmp, "cleanup", "--dry-run", "--home", home.toString(), "--project", tmp.resolve("nowhere").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nowhere is not a folder");
    }

    @Test
    void theFolderItRunsInCountsWhenItIsInAGoProject() throws Exception {
        Path inside = Files.createDirectories(project.resolve("internal/db")); // go.mod is two folders up
        ProcessBuilder child = ChildJvm.of("dev.gosetup.Main", "cleanup", "--dry-run", "--home", home.toString()).directory(inside.toFile());
        child.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        child.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        child.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        Process p = child.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(versionsOffered(out)).as(out).doesNotContain("go1.21.13");
        assertThat(out).contains("billing");
    }

    /** The lines under the versions heading that are offered for removal ("      go1.21.13  …"). */
    private static String versionsOffered(String out) {
        StringBuilder offered = new StringBuilder();
        boolean inVersions = false;
        for (String line : out.lines().toList()) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                inVersions = line.contains("neither active nor needed");
            } else if (inVersions && line.startsWith("      ")) {
                offered.append(line).append('\n');
            }
        }
        return offered.toString();
    }
}
