package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gosetup.testing.FolderGoCases;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-folder Go in the real PowerShell, on the platform runners (.github/workflows/platforms.yml sets
 * GOSETUP_REAL_RUNNER=1; GitHub's Windows, macOS and Ubuntu images have pwsh 7, Windows also Windows PowerShell
 * 5.1). No PowerShell runs where this project is built, so this is where folder-go.ps1 meets one.
 *
 * <p>{@code gosetup env --folder-versions --apply} writes the profile into a scratch home whose own profile already
 * sets {@code Set-StrictMode -Version Latest} and a prompt of its own; the install root is outside home with a quote
 * and a space in its name. A PowerShell session with that profile — a login pwsh on macOS and Linux; on Windows, where
 * the profile's folder is the Documents known folder and not the home, pwsh and powershell.exe with -NoProfile
 * dot-sourcing the profile gosetup wrote — then goes through the folders of the shared table (testing/FolderGoCases,
 * which FolderGoHookTest runs in bash, zsh and fish) and its walks, evaluating the prompt after each Set-Location.
 *
 * <p>On Windows, a go1.X.Y command gosetup writes (a .cmd launcher) runs from cmd.exe, and Go's own toolchain switching
 * runs it for a go.mod that asks for that version, offline (GOTOOLCHAIN=path, GOPROXY=off): two real Go versions are
 * installed from go.dev, as RealLoginShellTest does on macOS and Linux.
 */
@Tag("real-os")
@Timeout(900)
@EnabledIfEnvironmentVariable(named = "GOSETUP_REAL_RUNNER", matches = "1")
class RealPwshFolderGoTest {
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    /** What a user's profile may hold before gosetup's block: the strictest mode, and a prompt that shows $?. */
    private static final String USER_PROFILE = "Set-StrictMode -Version Latest\r\nfunction global:prompt { \"MINE[$?]> \" }\r\n";

    @TempDir
    Path tmp;

    @Test
    void pwshFollowsTheVersionFilesThroughTheProfileGosetupWrote() throws Exception {
        Optional<Path> pwsh = program("pwsh");
        Assumptions.assumeTrue(pwsh.isPresent(), "no pwsh on this runner's PATH");
        Setup s = setUp();
        check(pwsh.get(), s, s.profile());
    }

    @Test
    @EnabledOnOs(value = OS.WINDOWS, disabledReason = "Windows PowerShell 5.1 (powershell.exe) exists only on Windows")
    void windowsPowershellFollowsThemToo() throws Exception {
        Optional<Path> powershell = program("powershell");
        Assumptions.assumeTrue(powershell.isPresent(), "no powershell.exe on this runner's PATH");
        Setup s = setUp();
        check(powershell.get(), s, s.home().resolve("Documents/WindowsPowerShell/profile.ps1"));
    }

    /** The scratch home with the table's folders and installs, and gosetup's env written with --folder-versions. */
    private record Setup(Path home, Path sdk, Path profile) {}

    private Setup setUp() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("newhire"));
        Path sdk = tmp.resolve("Go's sdk"); // outside home: written into env.ps1 as a quoted path
        FolderGoCases.install(sdk, WINDOWS);
        FolderGoCases.layOut(home);
        Files.createDirectories(FolderGoCases.projects(home).resolve("later"));
        Path profile = WINDOWS ? home.resolve("Documents/PowerShell/profile.ps1") : home.resolve(".config/powershell/profile.ps1");
        for (Path p : WINDOWS ? List.of(profile, home.resolve("Documents/WindowsPowerShell/profile.ps1")) : List.of(profile)) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, USER_PROFILE);
        }
        CliResult env = CliResult.run(tmp, "env", "--home", home.toString(), "--sdk-root", sdk.toString(), "--shell", "pwsh",
                "--folder-versions", "--apply", "--yes");
        assertThat(env.exitCode()).as(env.out() + env.err()).isZero();
        assertThat(Files.readString(profile)).startsWith(USER_PROFILE).contains("env.ps1");
        return new Setup(home, sdk, profile);
    }

    private void check(Path program, Setup s, Path profile) throws Exception {
        Path projects = FolderGoCases.projects(s.home());
        StringBuilder layouts = new StringBuilder();
        for (FolderGoCases.Layout l : FolderGoCases.LAYOUTS) {
            layouts.append(step(projects.resolve(l.folder()).normalize(), null));
        }
        // the prompt, not only Set-Location, notices a file written meanwhile; the user's prompt keeps its text and $?
        Path later = projects.resolve("later");
        layouts.append(step(later, null))
                .append("[IO.File]::WriteAllText(").append(ps(later.resolve(".go-version").toString())).append(", \"1.22.3`n\")\r\n")
                .append("$p = prompt\r\n").append(SHOW).append("\"PROMPT=$p\"\r\n")
                .append("Write-Error 'failed' -ErrorAction SilentlyContinue\r\n$p = prompt\r\n\"PROMPT=$p\"\r\n");
        Output out = run(program, s, profile, layouts.toString());
        List<String> expected = new ArrayList<>(FolderGoCases.expected());
        expected.addAll(List.of("-", "go1.22.3+path"));
        assertThat(out.values("TC=")).as(FolderGoCases.describe() + "\n" + out.text()).containsExactlyElementsOf(expected);
        assertThat(out.values("PROMPT=")).as(out.text()).containsExactly("MINE[True]> ", "MINE[False]> ");
        assertThat(projects.resolve("inject/pwned")).doesNotExist();

        for (FolderGoCases.Walk walk : FolderGoCases.WALKS) {
            StringBuilder text = new StringBuilder();
            if (walk.before() != null) {
                text.append("$env:GOTOOLCHAIN = ").append(ps(walk.before())).append("\r\n");
            }
            walk.steps().forEach(step -> text.append(step(projects.resolve(step.folder()), step.byHand())));
            Output walked = run(program, s, profile, text.toString());
            assertThat(walked.values("TC=")).as(walk.name() + "\n" + walked.text())
                    .containsExactlyElementsOf(walk.steps().stream().map(FolderGoCases.Step::expected).toList());
        }
    }

    /** GOTOOLCHAIN as the test prints it: through .NET, so that the user's strict mode has nothing to say about it. */
    private static final String SHOW = "$tc = [Environment]::GetEnvironmentVariable('GOTOOLCHAIN'); if ($null -eq $tc) { 'TC=-' } else { \"TC=$tc\" }\r\n";

    private static String step(Path dir, String byHand) {
        return "Set-Location -LiteralPath " + ps(dir.toString()) + "\r\n"
                + (byHand != null ? "$env:GOTOOLCHAIN = " + ps(byHand) + "\r\n" : "")
                + "$p = prompt\r\n" + SHOW;
    }

    private static String ps(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private record Output(String text) {
        List<String> values(String prefix) {
            return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
        }
    }

    /**
     * Runs {@code body} in a new session of {@code program}: on macOS and Linux a login pwsh (its profile from HOME), on
     * Windows -NoProfile with the profile dot-sourced first (USERPROFILE, HOMEDRIVE and HOMEPATH give it the home).
     */
    private Output run(Path program, Setup s, Path profile, String body) throws Exception {
        Path script = Files.createTempFile(tmp, "session", ".ps1");
        String text = (WINDOWS ? ". " + ps(profile.toString()) + "\r\n" : "") + body;
        Files.write(script, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)); // the BOM: Windows PowerShell reads UTF-8
        List<String> command = new ArrayList<>(List.of(program.toString()));
        if (!WINDOWS) {
            command.add("-Login"); // must come first
        }
        command.addAll(List.of("-NoLogo", "-NonInteractive"));
        if (WINDOWS) {
            command.addAll(List.of("-NoProfile", "-ExecutionPolicy", "Bypass"));
        }
        command.addAll(List.of("-File", script.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(s.home().toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(WINDOWS ? "NUL" : "/dev/null")));
        Map<String, String> env = pb.environment();
        if (WINDOWS) {
            // the runner's environment (SystemRoot and the rest), with the scratch home
            env.keySet().removeIf(k -> k.equalsIgnoreCase("GOTOOLCHAIN") || k.equalsIgnoreCase("GOWORK") || k.startsWith("_GOSETUP"));
            String home = s.home().toAbsolutePath().toString();
            env.put("USERPROFILE", home);
            env.put("HOMEDRIVE", home.substring(0, 2));
            env.put("HOMEPATH", home.substring(2));
        } else {
            env.clear();
            String user = System.getProperty("user.name");
            env.putAll(Map.of("HOME", s.home().toString(), "USER", user, "LOGNAME", user, "TERM", "xterm-256color", "LANG", "C.UTF-8",
                    "PATH", program.getParent() + ":/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"));
        }
        Process p = pb.start();
        java.util.concurrent.atomic.AtomicBoolean killed = killAfter(p, 120);
        byte[] bytes = p.getInputStream().readAllBytes(); // a hook stuck on a file fails the test instead of hanging it
        p.waitFor();
        if (killed.get()) {
            throw new AssertionError(program + " did not finish in 120 s: " + new String(bytes, StandardCharsets.UTF_8));
        }
        String out = new String(bytes, StandardCharsets.UTF_8);
        // the hook prints nothing and raises nothing: an error in it would name env.ps1 (in gosetup's folder)
        assertThat(out.lines().filter(l -> l.contains("gosetup") || l.contains("Exception"))).as(out).isEmpty();
        return new Output(out);
    }

    /**
     * A go1.X.Y command as gosetup writes it on Windows (ROOT\bin\go1.X.Y.cmd): cmd.exe finds and runs it through
     * PATHEXT, and the active Go, older, switches to it for a go.mod that asks for that version, offline.
     */
    @Test
    @EnabledOnOs(value = OS.WINDOWS, disabledReason = "the go1.X.Y.cmd launchers and go.exe are Windows'; elsewhere the commands are links, run by ProjectOfflineRunTest")
    void aVersionCommandRunsAndGoSwitchesToItOnWindows() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("newhire"));
        CliResult older = CliResult.run(tmp, "install", "1.21.13", "--home", home.toString(), "--yes", "--json"); // the active one
        assertThat(older.exitCode()).as(older.err()).isZero();
        CliResult newest = CliResult.run(tmp, "install", "--home", home.toString(), "--yes", "--json");
        assertThat(newest.exitCode()).as(newest.err()).isZero();
        String version = JsonMapper.builder().build().readTree(newest.out()).at("/version").asText();
        assertThat(version).startsWith("go1.").isNotEqualTo("go1.21.13");
        Path commands = home.resolve("sdk/bin");
        assertThat(commands.resolve(version + ".cmd")).isRegularFile();
        Path activeGo = home.resolve("sdk/go1.21.13/bin/go.exe");

        String path = commands + File.pathSeparator + System.getenv("SystemRoot") + "\\System32";
        String direct = runWindows(home, path, List.of("cmd.exe", "/d", "/c", version, "version"));
        assertThat(direct).as("cmd.exe runs %s.cmd", version).contains("go version " + version + " windows/");

        Path project = Files.createDirectories(tmp.resolve("service"));
        Files.writeString(project.resolve("go.mod"), "module example.com/service\n\ngo " + version.substring(2) + "\n");
        String switched = runWindows(project, path, List.of(activeGo.toString(), "version"));
        assertThat(switched).as("go 1.21.13 runs %s.cmd from PATH for the go.mod", version).contains("go version " + version + " windows/");
    }

    private static String runWindows(Path dir, String path, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("NUL")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equalsIgnoreCase("Path") || k.equalsIgnoreCase("GOROOT") || k.equalsIgnoreCase("GOFLAGS")
                || k.equalsIgnoreCase("GOTOOLCHAIN"));
        env.put("Path", path);
        env.put("GOTOOLCHAIN", "path"); // only what is on PATH: never a download
        env.put("GOPROXY", "off");
        Process p = pb.start();
        java.util.concurrent.atomic.AtomicBoolean killed = killAfter(p, 300);
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        assertThat(killed.get()).as("%s did not finish in 300 s", command).isFalse();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Destroys {@code p} when it runs longer than {@code seconds} (reading its output then ends); true once it did. */
    private static java.util.concurrent.atomic.AtomicBoolean killAfter(Process p, int seconds) {
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    killed.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return killed;
    }

    /** A program on this JVM's PATH (with .exe on Windows), or where macOS installs pwsh. */
    private static Optional<Path> program(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        if (!WINDOWS) {
            dirs.addAll(List.of("/usr/local/bin", "/opt/homebrew/bin", "/usr/bin"));
        }
        for (String d : dirs) {
            if (d.isBlank()) {
                continue;
            }
            try {
                Path p = Path.of(d.strip(), WINDOWS ? name + ".exe" : name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            } catch (java.nio.file.InvalidPathException notAPath) {
                // a PATH entry that is no path
            }
        }
        return Optional.empty();
    }
}
