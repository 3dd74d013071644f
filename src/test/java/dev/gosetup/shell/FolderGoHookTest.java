package dev.gosetup.shell;

import static org.assertj.core.api.Assertions.assertThat;

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
 * interactive shells to prove the prompt does call it.
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
        for (String v : List.of("1.21.13", "1.22.3", "1.22.10", "1.22.9")) {
            Path go = Files.createDirectories(sdk.resolve("go" + v + "/bin")).resolve("go");
            Files.writeString(go, "#!/bin/sh\necho go" + v + "\n");
            Files.setPosixFilePermissions(go, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(sdk.resolve("go1.22.11/bin")); // no go binary: not an install
        Files.createDirectories(sdk.resolve("go1.22.x7/bin"));
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
        StringBuilder script = new StringBuilder();
        boolean fish = shell.equals("fish");
        script.append(fish ? "source ~/.config/gosetup/env.fish\n" : ". ~/.config/gosetup/env.sh\n");
        if (before != null) {
            script.append(before).append('\n');
        }
        for (Path d : dirs) {
            script.append("cd '").append(d).append("'\n");
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
        assertThat(values).as(out).hasSize(dirs.size());
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void readsEachFolderAsGosetupProjectDoes(String shell) throws Exception {
        Shells.require(shell);
        Path line = project("line", ".go-version", "1.22\n");
        Path nested = Files.createDirectories(line.resolve("cmd/tool"));
        Path exact = project("exact", ".go-version", "# goenv\n\n  go1.22.3  \r\n");
        Path lineX = project("linex", ".go-version", "1.22.x");
        Path asdf = project("asdf", ".tool-versions", "nodejs 20.11.0\ngolang 1.21.13 1.20.5 # pinned\n");
        Path mise = project("mise", ".tool-versions", "go 1.22\r\n");
        Path otherTools = project("other", ".tool-versions", "nodejs 20\n");
        Path module = project("module", ".go-version", "1.21.13\n");
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n\ngo 1.22.3\n");
        Path underModule = Files.createDirectories(module.resolve("sub"));
        Files.writeString(underModule.resolve(".go-version"), "1.21.13\n");
        Path rc = project("rc", ".go-version", "1.23rc1\n");
        Path notInstalledLine = project("none", ".go-version", "1.20\n");
        Path garbage = project("garbage", ".go-version", "latest\n");
        Path injection = project("inject", ".go-version", "1.22.3$(touch pwned)\n");
        Path both = project("both", ".go-version", "1.21.13\n");
        Files.writeString(both.resolve(".tool-versions"), "golang 1.22.3\n");
        Path nearer = Files.createDirectories(asdf.resolve("svc"));
        Files.writeString(nearer.resolve(".go-version"), "1.22.9\n");

        List<String> got = gotoolchainIn(shell, List.of(line, nested, exact, lineX, asdf, mise, otherTools, module, underModule, rc,
                notInstalledLine, garbage, injection, both, nearer, home), null);
        assertThat(got).containsExactly(
                "go1.22.10+path", // newest installed 1.22 patch (not 1.22.9 by string order; 1.22.11 has no go)
                "go1.22.10+path", // the nearest file above
                "go1.22.3+path", // comments, blanks, spaces and CRLF
                "go1.22.10+path",
                "go1.21.13+path", // asdf: the golang entry's first version
                "go1.22.10+path", // mise's go entry, CRLF
                "-", // .tool-versions without Go
                "-", // go.mod decides: go reads it itself
                "-", // a go.mod above decides too
                "go1.23rc1+path",
                "-", // a line with nothing installed
                "-", // not a version
                "-", // not a version, and never run
                "go1.21.13+path", // .go-version before .tool-versions in the same folder
                "go1.22.9+path", // the nearer file
                "-");
        assertThat(home.resolve("src/inject/pwned")).doesNotExist();
        assertThat(home.resolve("pwned")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void putsBackWhatWasThereUnlessChangedByHand(String shell) throws Exception {
        Shells.require(shell);
        Path a = project("a", ".go-version", "1.22.3\n");
        Path b = project("b", ".go-version", "1.21.13\n");
        Path plain = project("plain", null, null);
        boolean fish = shell.equals("fish");
        assertThat(gotoolchainIn(shell, List.of(a, plain, b, a, plain), fish ? "set -gx GOTOOLCHAIN auto" : "export GOTOOLCHAIN=auto"))
                .containsExactly("go1.22.3+path", "auto", "go1.21.13+path", "go1.22.3+path", "auto");
        assertThat(gotoolchainIn(shell, List.of(a, plain), null)).as("unset before, unset after").containsExactly("go1.22.3+path", "-");
        // changed by hand inside the project: the user's value stays, there and after leaving
        List<String> got = gotoolchainInWithHandEdit(shell, a, plain);
        assertThat(got).containsExactly("go1.22.3+path", "local", "local");
    }

    private List<String> gotoolchainInWithHandEdit(String shell, Path project, Path plain) throws Exception {
        boolean fish = shell.equals("fish");
        String hook = fish ? "__gosetup_folder_go" : "_gosetup_folder_go";
        String show = fish ? "if set -q GOTOOLCHAIN; echo \"TC=$GOTOOLCHAIN\"; else; echo TC=-; end" : "echo \"TC=${GOTOOLCHAIN--}\"";
        String script = (fish ? "source ~/.config/gosetup/env.fish" : ". ~/.config/gosetup/env.sh") + "\n"
                + "cd '" + project + "'\n" + hook + "\n" + show + "\n"
                + (fish ? "set -gx GOTOOLCHAIN local" : "export GOTOOLCHAIN=local") + "\n" + hook + "\n" + show + "\n"
                + "cd '" + plain + "'\n" + hook + "\n" + show + "\n";
        List<String> command = fish ? List.of("fish", "--no-config", "-c", script)
                : shell.equals("zsh") ? List.of("zsh", "-f", "-c", script) : List.of("bash", "--norc", "--noprofile", "-c", script);
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"));
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("TC=")).map(l -> l.substring(3)).toList();
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
