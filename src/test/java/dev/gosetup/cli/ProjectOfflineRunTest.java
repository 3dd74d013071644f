package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.MultiGoMirror;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.Shells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole promise, for real: real Go builds from the multi-version mirror (offline: --catalog FILE takes the
 * archives beside it), installed with gosetup; gosetup's env in the real startup files; modules with go and
 * toolchain lines; then real login shells started as a terminal starts them, inside each project, with GOPROXY=off.
 * Go's own toolchain switching must find the project's version as ~/sdk/bin/go1.X.Y and run it — no download, no
 * shim — and GOTOOLCHAIN=path (gosetup's setting) must make go refuse a version that is not installed, with go's own
 * message, which `gosetup project` predicts word for word.
 */
@RunsLinuxAmd64Go
@Timeout(600)
class ProjectOfflineRunTest {
    @TempDir
    Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachProjectRunsItsOwnVerifiedGoFromANewTerminalOffline() throws Exception {
        Shells.require("bash");
        Path mirror = MultiGoMirror.dir();
        String catalog = mirror.resolve("dl.json").toString();
        Path home = Files.createDirectories(tmp.resolve("alex"));
        for (String f : List.of(".bashrc", ".profile")) {
            if (Files.isRegularFile(Path.of("/etc/skel", f))) {
                Files.copy(Path.of("/etc/skel", f), home.resolve(f));
            }
        }
        CliResult install = CliResult.run(tmp, "install", "1.21.13", "--catalog", catalog, "--home", home.toString(), "--platform", "linux-amd64");
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(home.resolve("sdk/bin/go1.21.13")).as("the go1.X.Y command comes with the install").exists();
        CliResult env = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(env.exitCode()).as(env.err()).isZero();

        // A service on Go 1.22.12: the active Go is 1.21.13, so go must switch.
        Path payments = Files.createDirectories(home.resolve("src/payments"));
        Files.writeString(payments.resolve("go.mod"), "module example.com/payments\r\n\r\ngo 1.22.12\r\n\r\nrequire golang.org/x/sync v0.7.0\r\n");
        Files.writeString(payments.resolve(".go-version"), "1.21\n"); // stale: says 1.21, go.mod says 1.22.12
        JsonNode before = json(CliResult.run(tmp, "project", payments.toString(), "--home", home.toString(), "--json"));
        assertThat(before.at("/newTerminal/version").asText()).isEqualTo("1.21.13");
        assertThat(before.at("/gotoolchain/value").asText()).isEqualTo("auto");
        assertThat(before.at("/gotoolchain/from").asText()).isEqualTo("goroot_go_env");
        assertThat(before.at("/runs/result").asText()).as("not installed: auto would download").isEqualTo("download");
        assertThat(before.at("/missing/0").asText()).isEqualTo("1.22.12");
        assertThat(before.at("/conflicts/0/kind").asText()).isEqualTo("older");

        CliResult noTerminal = CliResult.run(tmp, "project", payments.toString(), "--install", "--home", home.toString(), "--catalog", catalog);
        assertThat(noTerminal.exitCode()).as("never asks without a terminal").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(home.resolve("sdk/go1.22.12")).doesNotExist();

        CliResult installed = CliResult.run(tmp, "project", payments.toString(), "--install", "--yes", "--home", home.toString(),
                "--catalog", catalog, "--platform", "linux-amd64");
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(installed.out()).contains("SHA-256 verified").contains("Runs: go1.22.12 from PATH (~/sdk/bin/go1.22.12)")
                .contains("A verified install of gosetup's").contains("Contradiction: go.mod says \"go 1.22.12\", but .go-version asks for 1.21");
        assertThat(Files.readSymbolicLink(home.resolve("sdk/go"))).as("the active Go stays").isEqualTo(Path.of("go1.21.13"));
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "project", payments.toString(), "--home", home.toString());
        assertThat(zh.out()).as("no space after a Chinese full stop").contains("（~/sdk/bin/go1.22.12）。gosetup 经过校验的安装。");

        String out = Shells.newTerminal(home, "bash", "cd " + payments + " && GOPROXY=off go version; cd " + home + " && go version");
        assertThat(out).as("in the project, go switches to the verified go1.22.12 on PATH")
                .contains("go version go1.22.12 linux/amd64").contains("go version go1.21.13 linux/amd64");

        // The organisation forbids unvetted downloads: GOTOOLCHAIN=path through gosetup's setting.
        CliResult pathOnly = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash", "--go-env", "GOTOOLCHAIN=path", "--apply", "--yes");
        assertThat(pathOnly.exitCode()).as(pathOnly.err()).isZero();
        Path billing = Files.createDirectories(home.resolve("src/billing"));
        Files.writeString(billing.resolve("go.mod"), "module example.com/billing\n\ngo 1.21.0\n\ntoolchain go1.23.5\n");
        JsonNode refused = json(CliResult.run(tmp, "project", billing.toString(), "--home", home.toString(), "--json"));
        assertThat(refused.at("/gotoolchain/from").asText()).isEqualTo("gosetup_env");
        assertThat(refused.at("/runs/result").asText()).isEqualTo("refused");
        String goSays = refused.at("/runs/goMessage").asText();
        assertThat(goSays).isEqualTo("go: cannot find \"go1.23.5\" in PATH");
        String refusal = Shells.newTerminal(home, "bash", "cd " + billing + " && GOPROXY=off go version; echo exit=$?");
        assertThat(refusal).as("go's own message, as predicted").contains(goSays).contains("exit=1");

        CliResult second = CliResult.run(tmp, "project", billing.toString(), "--install", "--yes", "--home", home.toString(),
                "--catalog", catalog, "--platform", "linux-amd64");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Shells.newTerminal(home, "bash", "cd " + billing + " && GOPROXY=off go version"))
                .contains("go version go1.23.5 linux/amd64");
        assertThat(Shells.newTerminal(home, "bash", "go1.22.12 version")).as("every version as go1.X.Y")
                .contains("go version go1.22.12 linux/amd64");

        // Removing a version takes its command away; go then refuses again under path.
        CliResult remove = CliResult.run(tmp, "remove", "1.23.5", "--home", home.toString());
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(home.resolve("sdk/bin/go1.23.5")).doesNotExist();
        assertThat(Shells.newTerminal(home, "bash", "cd " + billing + " && GOPROXY=off go version")).contains(goSays);
    }

    private static JsonNode json(CliResult r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }
}
