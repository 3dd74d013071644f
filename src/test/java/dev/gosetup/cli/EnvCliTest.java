package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** gosetup env as a script and a person see it: preview by default, apply, apply again, undo, JSON, refusals. */
class EnvCliTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;
    Path home;
    byte[] bashrc;
    byte[] profile;

    @BeforeEach
    void home() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        bashrc = Files.readAllBytes(Files.copy(Fixtures.root().resolve("rcfiles/bashrc__Msprg_dotfiles__.bashrc"), home.resolve(".bashrc")));
        profile = Files.readAllBytes(Files.copy(Fixtures.root().resolve("rcfiles/profile__haolian9_zongzi__zsh_.profile"), home.resolve(".profile")));
    }

    CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    @Test
    void previewThenApplyThenUndo() throws Exception {
        CliResult preview = run("env", "--home", home.toString(), "--shell", "bash");
        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.out()).contains("+++ b/.bashrc").contains("# >>> gosetup >>>").contains("gosetup env --apply");
        assertThat(Files.readAllBytes(home.resolve(".bashrc"))).as("a preview writes nothing").isEqualTo(bashrc);
        // the real .profile sets GOPATH and GOPROXY=goproxy.cn: reported with what it means
        assertThat(preview.out()).contains(".profile:").contains("GOPATH here too");

        CliResult noYes = run("env", "--home", home.toString(), "--shell", "bash", "--apply");
        assertThat(noYes.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noYes.err()).contains("--yes");

        // --no-probe: this real .bashrc appends a line to itself each time an interactive bash starts, which the
        // new-terminal check does (NewTerminalCliTest covers the check); undo must find the file as apply left it.
        CliResult apply = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes", "--no-probe",
                "--go-env", "GOPROXY=https://goproxy.cn,direct");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Backup: ").contains("go version");
        assertThat(Files.readString(home.resolve(".config/gosetup/env.sh"))).contains("export GOPROXY='https://goproxy.cn,direct'");
        assertThat(run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes", "--no-probe").out()).contains("already set up");

        CliResult undo = run("env", "--home", home.toString(), "--shell", "bash", "--undo", "--yes");
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(home.resolve(".bashrc"))).isEqualTo(bashrc);
        assertThat(Files.readAllBytes(home.resolve(".profile"))).isEqualTo(profile);
        assertThat(run("env", "--home", home.toString(), "--shell", "bash", "--undo", "--yes").out()).contains("nothing");
    }

    @Test
    void jsonPlanAndResultForScripts() throws Exception {
        CliResult plan = run("env", "--home", home.toString(), "--shell", "bash,fish", "--json");
        assertThat(plan.exitCode()).isZero();
        JsonNode p = new ObjectMapper().readTree(plan.out());
        assertThat(p.get("applied").asBoolean()).isFalse();
        assertThat(p.get("shells")).extracting(JsonNode::asText).containsExactly("bash", "fish");
        assertThat(p.get("files").findValuesAsText("change")).contains("create", "modify");
        assertThat(p.get("conflicts").findValuesAsText("kind")).contains("GOPATH");

        CliResult applied = run("env", "--home", home.toString(), "--shell", "bash,fish", "--apply", "--yes", "--json");
        JsonNode a = new ObjectMapper().readTree(applied.out());
        assertThat(a.get("applied").asBoolean()).isTrue();
        assertThat(a.get("backups")).hasSize(2);
        assertThat(home.resolve(".config/fish/conf.d/gosetup.fish")).exists();
    }

    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void applyThenUndoOnAFreshHomeLeavesExactlyTheFilesThatWereThere() throws Exception {
        Path fresh = Files.createDirectories(tmp.resolve("fresh"));
        Files.writeString(fresh.resolve(".bash_history"), "ls\n");
        List<String> before = tree(fresh);
        // --no-probe: the new-terminal check starts the real shells, and fish makes ~/.local/share/fish as any new terminal would
        CliResult apply = run("env", "--home", fresh.toString(), "--shell", "bash,zsh,fish", "--apply", "--yes", "--no-probe");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(tree(fresh)).contains(".bashrc", ".profile", ".zprofile", ".zshrc", ".config/fish/conf.d/gosetup.fish",
                ".config/gosetup/env.sh");
        assertThat(apply.out()).as("no backups of files that did not exist").doesNotContain("Backup:");

        CliResult undo = run("env", "--home", fresh.toString(), "--shell", "bash,zsh,fish", "--undo", "--yes");
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        // The settings stay (the choices a later apply would make again; --home keeps them in that home): nothing else.
        List<String> after = new java.util.ArrayList<>(before);
        after.addAll(List.of(".config", ".config/gosetup", ".config/gosetup/settings.json"));
        assertThat(tree(fresh)).as("every file and folder gosetup made for the environment is gone, and nothing else")
                .containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void aFailureAfterSomeFilesWereWrittenListsThemAndNeverSaysNothingWasWritten() throws Exception {
        // settings.json is a folder: saving the settings, the last step, fails after the files are written
        Files.writeString(Files.createDirectories(home.resolve(".config/gosetup/settings.json")).resolve("keep"), "x");
        CliResult r = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out() + r.err()).contains("Wrote " + home.resolve(".config/gosetup/env.sh"))
                .contains("Wrote " + home.resolve(".bashrc")).contains("settings.json")
                .doesNotContain("Nothing was written").doesNotContain("Done.");
    }

    @Test
    void printShowsTheScriptAndWritesNothing() {
        CliResult fish = run("env", "--home", home.toString(), "--shell", "fish", "--print", "--gopath", home.resolve("work").toString());
        assertThat(fish.out()).contains("set -gx GOPATH \"$HOME/work\"").contains("set -gx PATH $__gosetup_dir");
        assertThat(home.resolve(".config/gosetup")).doesNotExist();
    }

    @Test
    void badInputAndUnwritableFilesAreClearErrors() throws Exception {
        assertThat(run("env", "--home", home.toString(), "--shell", "tcsh").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        CliResult cmd = run("env", "--home", home.toString(), "--shell", "cmd");
        assertThat(cmd.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cmd.err()).contains("only on Windows");
        CliResult badVar = run("env", "--home", home.toString(), "--go-env", "GOOS=plan9");
        assertThat(badVar.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badVar.err()).contains("GOPROXY");
        Files.delete(home.resolve(".bashrc"));
        Files.createSymbolicLink(home.resolve(".bashrc"), tmp.resolve("dotfiles/bashrc"));
        CliResult dangling = run("env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(dangling.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(dangling.err()).contains(".bashrc").contains("does not exist").contains("Nothing was written");
        assertThat(home.resolve(".config/gosetup/env.sh")).doesNotExist();
        CliResult zh = run("--lang", "zh-CN", "env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes");
        assertThat(zh.err()).contains("未写入任何内容");
    }

    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "checks /etc/profile.d/gosetup.sh's mode 0644 and sources it with sh as /etc/profile does; Windows has neither file modes nor sh")
    @Test
    void systemWideProfileScriptForEveryAccount() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path sdk = tmp.resolve("usr-local-sdk");
        assertThat(run("env", "--system", "--system-root", root.toString()).exitCode()).as("--sdk-root is required").isEqualTo(ExitCodes.BAD_INPUT);
        CliResult preview = run("env", "--system", "--system-root", root.toString(), "--sdk-root", sdk.toString());
        assertThat(preview.out()).contains("etc/profile.d/gosetup.sh").contains("+export GOPATH=\"$HOME/go\"");
        assertThat(root.resolve("etc/profile.d/gosetup.sh")).doesNotExist();
        CliResult apply = run("env", "--system", "--system-root", root.toString(), "--sdk-root", sdk.toString(), "--apply", "--yes");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        Path script = root.resolve("etc/profile.d/gosetup.sh");
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        // what /etc/profile does with it, for any user: their own GOPATH/bin and the shared Go, first on PATH
        Path go = Files.createDirectories(sdk.resolve("go/bin")).resolve("go");
        Files.writeString(go, "#!/bin/sh\necho shared go\n");
        go.toFile().setExecutable(true);
        Process p = new ProcessBuilder("sh", "-c", ". '" + script + "'; command -v go; echo \"$GOPATH\"; go").start();
        p.getOutputStream().close();
        java.util.List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(lines).containsExactly(sdk + "/go/bin/go", System.getProperty("user.home") + "/go", "shared go");

        assertThat(run("env", "--system", "--system-root", root.toString(), "--sdk-root", sdk.toString(), "--undo", "--yes").exitCode()).isZero();
        assertThat(script).doesNotExist();
    }

    @Test
    void rootOnAManagedMachineWritesTheEnvironmentForEveryAccount() throws Exception {
        // What an MDM script does: `gosetup env --apply --yes` as root. Only as root (CI runs as root).
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.gosetup.files.ProcessUser.isRoot(), "needs root");
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path sdk = tmp.resolve("company-sdk");
        Path policy = Files.writeString(tmp.resolve("policy.json"),
                "{\"sdkRoot\": \"%s\", \"goEnv\": {\"GOPROXY\": \"https://goproxy.cn,direct\"}}".formatted(sdk));
        CliResult apply = run("env", "--policy", policy.toString(), "--system-root", root.toString(), "--apply", "--yes");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.err()).contains("writing the environment for every account");
        String script = Files.readString(root.resolve("etc/profile.d/gosetup.sh"));
        assertThat(script).contains(sdk + "/go/bin").contains("export GOPROXY='https://goproxy.cn,direct'");
        assertThat(run("env", "--policy", policy.toString(), "--system-root", root.toString(), "--undo", "--yes").exitCode()).isZero();
        assertThat(root.resolve("etc/profile.d/gosetup.sh")).doesNotExist();
    }
}
