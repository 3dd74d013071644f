package dev.gosetup.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of a new tree, with real processes (shell scripts as bin/go): a clean environment with GOTOOLCHAIN=local,
 * a time limit, and every answer compared. The real Go trees are in UpdateCliTest.
 */
class NewGoCheckTest {
    @TempDir
    Path tmp;

    private static final GoVersion V = GoVersion.parse("go1.22.12").orElseThrow();
    private static final Platform LINUX_AMD64 = new Platform("linux", "amd64");

    private Path tree(String script) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("go1.22.12"));
        Path go = Files.createDirectories(tree.resolve("bin")).resolve("go");
        Files.writeString(go, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tree;
    }

    private static final String ANSWERS = """
            if [ "$1" = version ]; then echo "go version go1.22.12 linux/amd64"; exit 0; fi
            env > "$(dirname "$0")/../env-seen"
            echo "$(cd "$(dirname "$0")/.." && pwd)"; echo go1.22.12; echo linux; echo amd64
            """;

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs a runnable fake go (a sh script here); on Windows that would be an .exe")
    @Test
    void aTreeThatAnswersRightPassesAndSeesACleanEnvironment() throws Exception {
        Path tree = tree(ANSWERS);
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString(), "GOROOT", "/elsewhere", "GOTOOLCHAIN", "go1.99.0",
                "GOFLAGS", "-mod=vendor", "SECRET_TOKEN", "x");
        NewGoCheck.Outcome outcome = new NewGoCheck(Duration.ofSeconds(30), env).check(tree, V, LINUX_AMD64);
        assertThat(outcome).isInstanceOf(NewGoCheck.Outcome.Ok.class);
        NewGoCheck.Passed passed = ((NewGoCheck.Outcome.Ok) outcome).passed();
        assertThat(passed.versionLine()).isEqualTo("go version go1.22.12 linux/amd64");
        assertThat(passed.goarch()).isEqualTo("amd64");
        String seen = Files.readString(tree.resolve("env-seen"));
        assertThat(seen).contains("GOTOOLCHAIN=local").contains("GOENV=off").contains("HOME=" + tmp).contains("PATH=/usr/bin:/bin")
                .doesNotContain("GOROOT").doesNotContain("GOFLAGS").doesNotContain("SECRET_TOKEN");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs a runnable fake go (a sh script here); on Windows that would be an .exe")
    @Test
    void everyWrongAnswerIsNamed() throws Exception {
        NewGoCheck check = new NewGoCheck(Duration.ofSeconds(30), Map.of("PATH", "/usr/bin:/bin"));
        Path tree = tree(ANSWERS.replace("echo linux; echo amd64", "echo linux; echo arm64"));
        assertThat(check.check(tree, V, LINUX_AMD64)).isEqualTo(new NewGoCheck.Outcome.Failed(
                dev.gosetup.i18n.Problem.of("update.check.mismatch", "GOARCH", "amd64", "arm64")));
        tree = tree(ANSWERS.replace("echo \"$(cd", "echo /usr/local/go; true \"$(cd"));
        assertThat(check.check(tree, V, LINUX_AMD64)).isEqualTo(new NewGoCheck.Outcome.Failed(
                dev.gosetup.i18n.Problem.of("update.check.mismatch", "GOROOT", tree.toString(), "/usr/local/go")));
        tree = tree("echo go version go1.22.11 linux/amd64\n");
        assertThat(check.check(tree, V, LINUX_AMD64)).isEqualTo(new NewGoCheck.Outcome.Failed(dev.gosetup.i18n.Problem.of(
                "update.check.unexpected", "go version", "go1.22.12 linux/amd64", "go version go1.22.11 linux/amd64")));
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "needs a runnable fake go (a sh script here); on Windows that would be an .exe")
    @Test
    void aHangingGoIsStoppedAtTheTimeLimit() throws Exception {
        Path tree = tree("exec sleep 30\n");
        long start = System.nanoTime();
        NewGoCheck.Outcome outcome = new NewGoCheck(Duration.ofSeconds(1), Map.of("PATH", "/usr/bin:/bin")).check(tree, V, LINUX_AMD64);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcome).isEqualTo(new NewGoCheck.Outcome.Failed(
                dev.gosetup.i18n.Problem.of("update.check.timeout", "go version", Duration.ofSeconds(1))));
    }

    @Test
    void whatATreePrintsIsShownAsOneShortPrintableLine() {
        assertThat(NewGoCheck.shown("a\u001b[31mb\nc\r\n\ufffd" + "x".repeat(400))).startsWith("a[31mb | c | x").endsWith("…").hasSize(301);
    }
}
