package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.FolderGoCases;
import dev.gosetup.testing.Shells;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-folder Go, run by the real bash, zsh and fish: each reads the folders as gosetup project does (nearest
 * file, go.mod above wins, lines to the newest installed patch, CRLF, comments, hostile files) and puts back
 * what was there. The hook is called as the prompt calls it; {@link #realPromptsRunTheHook} types at real
 * interactive shells to prove the prompt does call it. The folders and walks are the shared table
 * (testing/FolderGoCases) that the PowerShell hook is held to as well (cli/RealPwshFolderGoTest).
 */
class FolderGoHookTest {
    @TempDir
    Path tmp;
    Path home;
    Path sdk;

    @BeforeEach
    void installs() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        sdk = home.resolve("sdk");
        FolderGoCases.install(sdk, false);
        EnvSpec spec = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of(), true);
        Files.createDirectories(home.resolve(".config/gosetup"));
        Files.writeString(home.resolve(".config/gosetup/env.sh"), EnvScripts.sh(spec));
        Files.writeString(home.resolve(".config/gosetup/env.fish"), EnvScripts.fish(spec));
    }

    private Path project(String name, String file, String text) throws Exception {
        Path dir = Files.createDirectories(home.resolve("src").resolve(name));
        if (file != null) {
            Files.writeString(dir.resolve(file), text);
        }
        return dir;
    }

    /** GOTOOLCHAIN after the hook ran in each folder, one line per folder ("-" when unset). */
    private List<String> gotoolchainIn(String shell, List<Path> dirs, String before) throws Exception {
        List<FolderGoCases.Step> steps = new ArrayList<>();
        dirs.forEach(d -> steps.add(new FolderGoCases.Step(d.toString(), null, null)));
        return gotoolchainAlong(shell, before, steps);
    }

    /** GOTOOLCHAIN after the hook ran at each step (a folder, perhaps a value set by hand first), "-" when unset. */
    private List<String> gotoolchainAlong(String shell, String before, List<FolderGoCases.Step> steps) throws Exception {
        StringBuilder script = new StringBuilder();
        boolean fish = shell.equals("fish");
        script.append(fish ? "source ~/.config/gosetup/env.fish\n" : ". ~/.config/gosetup/env.sh\n");
        if (before != null) {
            script.append(fish ? "set -gx GOTOOLCHAIN " : "export GOTOOLCHAIN=").append(before).append('\n');
        }
        for (FolderGoCases.Step step : steps) {
            script.append("cd '").append(FolderGoCases.projects(home).resolve(step.folder())).append("'\n");
            if (step.byHand() != null) {
                script.append(fish ? "set -gx GOTOOLCHAIN " : "export GOTOOLCHAIN=").append(step.byHand()).append('\n');
            }
            script.append(fish ? "__gosetup_folder_go\n" : "_gosetup_folder_go\n");
            script.append(fish ? "if set -q GOTOOLCHAIN; echo \"TC=$GOTOOLCHAIN\"; else; echo TC=-; end\n"
                    : "echo \"TC=${GOTOOLCHAIN--}\"\n");
        }
        List<String> command = fish ? List.of("fish", "--no-config", "-c", script.toString())
                : shell.equals("zsh") ? List.of("zsh", "-f", "-c", script.toString()) : List.of("bash", "--norc", "--noprofile", "-c", script.toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"));
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(shell + " hung: " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> values = new ArrayList<>();
        out.lines().filter(l -> l.startsWith("TC=")).forEach(l -> values.add(l.substring(3)));
        assertThat(values).as(out).hasSize(steps.size());
        return values;
    }

    /** The shared table (testing/FolderGoCases), which the pwsh hook is held to on the platform runners too. */
    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void readsEachFolderAsGosetupProjectDoes(String shell) throws Exception {
        Shells.require(shell);
        FolderGoCases.layOut(home);
        List<FolderGoCases.Step> steps = FolderGoCases.LAYOUTS.stream().map(l -> new FolderGoCases.Step(l.folder(), null, l.expected())).toList();
        assertThat(gotoolchainAlong(shell, null, steps)).as(FolderGoCases.describe()).containsExactlyElementsOf(FolderGoCases.expected());
        assertThat(FolderGoCases.projects(home).resolve("inject/pwned")).doesNotExist();
        assertThat(home.resolve("pwned")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void putsBackWhatWasThereUnlessChangedByHand(String shell) throws Exception {
        Shells.require(shell);
        FolderGoCases.layOut(home);
        for (FolderGoCases.Walk walk : FolderGoCases.WALKS) {
            assertThat(gotoolchainAlong(shell, walk.before(), walk.steps())).as(walk.name())
                    .containsExactlyElementsOf(walk.steps().stream().map(FolderGoCases.Step::expected).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void aHostileVersionFileCannotHoldUpThePrompt(String shell) throws Exception {
        Shells.require(shell);
        Path fifo = project("fifo", null, null);
        Process mk = new ProcessBuilder("mkfifo", fifo.resolve(".go-version").toString()).start();
        assertThat(mk.waitFor()).isZero();
        Path huge = project("huge", null, null);
        try (var out = Files.newOutputStream(huge.resolve(".go-version"))) {
            byte[] blank = new byte[64 * 1024];
            java.util.Arrays.fill(blank, (byte) '\n');
            for (int i = 0; i < 17; i++) {
                out.write(blank); // 1.06 MiB of blank lines, then a version: over the limit, not read
            }
            out.write("1.22.3\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path linked = project("linked", null, null);
        Files.createSymbolicLink(linked.resolve(".go-version"), Path.of("/dev/zero"));
        Path dirNamed = project("dirnamed", null, null);
        Files.createDirectories(dirNamed.resolve(".go-version"));
        Path unreadable = project("unreadable", ".go-version", "1.22.3\n");
        Files.setPosixFilePermissions(unreadable.resolve(".go-version"), PosixFilePermissions.fromString("---------"));
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> got = gotoolchainIn(shell, List.of(fifo, huge, linked, dirNamed, unreadable), null);
        assertThat(got.subList(0, 4)).containsOnly("-");
        if (!root) {
            assertThat(got.get(4)).isEqualTo("-");
        }
    }

    @Test
    void followsTheGotoolchainSetting() {
        assertThat(FolderGoHook.suffix(null)).contains("+path");
        assertThat(FolderGoHook.suffix("path")).contains("+path");
        assertThat(FolderGoHook.suffix("auto")).contains("+auto");
        assertThat(FolderGoHook.suffix("local")).isEmpty();
        assertThat(FolderGoHook.suffix("go1.22.3+auto")).isEmpty();
        EnvSpec auto = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of("GOTOOLCHAIN", "auto"), true);
        assertThat(EnvScripts.sh(auto)).contains("+auto").doesNotContain("+path\"");
        EnvSpec local = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of("GOTOOLCHAIN", "local"), true);
        assertThat(EnvScripts.sh(local)).doesNotContain("_gosetup_folder_go");
        assertThat(EnvScripts.fish(local)).doesNotContain("__gosetup_folder_go");
        EnvSpec off = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of(), false);
        assertThat(EnvScripts.sh(off)).doesNotContain("_gosetup_folder_go");
    }

    /**
     * env.ps1 gets the PowerShell hook (folder-go.ps1) exactly when env.sh and env.fish get theirs, with the install
     * root as a PowerShell expression: below home through Join-Path $HOME, elsewhere single-quoted with every quote
     * PowerShell ends a string at doubled (' and the typographic ’), spaces kept. CRLF throughout, as the rest of
     * env.ps1. Runs in the real pwsh and Windows PowerShell: cli/RealPwshFolderGoTest on the platform runners.
     */
    @Test
    void powershellGetsTheHookWithTheRootQuotedForPowerShell() {
        Path odd = home.resolve("my sdk's");
        String below = EnvScripts.powershell(new EnvSpec(home, odd.resolve("go"), home.resolve("go"), false, Map.of(), true));
        assertThat(below).contains("$global:__gosetup_sdk = (Join-Path $HOME 'my sdk''s')\r\n")
                .contains("$want = \"go$v+path\"").contains("-gt 1048576)")
                .doesNotContain("@SDK@").doesNotContain("@SUFFIX@").doesNotContain("@MAX@");
        assertThat(below.replace("\r\n", "")).as("CRLF only").doesNotContain("\n").doesNotContain("\r");
        assertThat(FolderGoHook.writtenIn(below)).isTrue();
        assertThat(below.indexOf("__gosetup_folder_go")).as("after the PATH lines").isGreaterThan(below.indexOf("Remove-Variable __gosetupSep"));

        Path outside = Path.of("/opt/Go tools/O\u2019Brien's @SUFFIX@/sdk");
        String elsewhere = EnvScripts.powershell(new EnvSpec(home, outside.resolve("go"), home.resolve("go"), false,
                Map.of("GOTOOLCHAIN", "auto"), true));
        assertThat(elsewhere).contains("$global:__gosetup_sdk = '/opt/Go tools/O\u2019\u2019Brien''s @SUFFIX@/sdk'\r\n")
                .contains("$want = \"go$v+auto\"");

        EnvSpec off = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of(), false);
        EnvSpec local = new EnvSpec(home, sdk.resolve("go"), home.resolve("go"), false, Map.of("GOTOOLCHAIN", "local"), true);
        assertThat(FolderGoHook.writtenIn(EnvScripts.powershell(off))).isFalse();
        assertThat(FolderGoHook.writtenIn(EnvScripts.powershell(local))).isFalse();
    }

    @Test
    void dashCanStillSourceTheScript() throws Exception {
        Shells.require("dash");
        Path a = project("a", ".go-version", "1.22.3\n");
        ProcessBuilder pb = new ProcessBuilder("dash", "-c", ". ~/.config/gosetup/env.sh && echo \"ok ${GOTOOLCHAIN--}\"")
                .directory(a.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("sh has no prompt hook: the script is still valid there and sets nothing").isEqualTo("ok -\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void realPromptsRunTheHook(String shell) throws Exception {
        Shells.require(shell);
        Path a = project("a", ".go-version", "1.22.3\n");
        boolean fish = shell.equals("fish");
        // the startup files a user has, with gosetup's lines in them
        Files.writeString(home.resolve(".bashrc"), ". \"$HOME/.config/gosetup/env.sh\"\n");
        Files.writeString(home.resolve(".bash_profile"), ". \"$HOME/.bashrc\"\n");
        Files.writeString(home.resolve(".zshrc"), ". \"$HOME/.config/gosetup/env.sh\"\n");
        Files.createDirectories(home.resolve(".config/fish"));
        Files.writeString(home.resolve(".config/fish/config.fish"), "source \"$HOME/.config/gosetup/env.fish\"\n");
        String show = fish ? "echo \"TC=$GOTOOLCHAIN\"\n" : "echo TC=${GOTOOLCHAIN--}\n";
        String out = Shells.typed(home, home, shell, "cd " + a + "\n" + show + "cd " + home + "\n" + show + "exit\n");
        assertThat(java.util.regex.Pattern.compile("TC=[^\\s$]*(?=\\s)").matcher(out).results().map(java.util.regex.MatchResult::group).toList()).as(out)
                .containsExactly("TC=go1.22.3+path", fish ? "TC=" : "TC=-");
        String started = Shells.newTerminalIn(home, a, shell, fish ? "echo TC=$GOTOOLCHAIN" : "echo TC=${GOTOOLCHAIN--}");
        assertThat(started).as("a terminal opened in the project has it at once").contains("TC=go1.22.3+path");
    }
}
