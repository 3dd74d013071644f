package dev.gosetup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Real shells for tests: skipped where one is not installed, but a failure on CI, whose .ci/run and the platforms
 * workflow's Linux job install them; skipped on macOS and Windows.
 */
public final class Shells {
    private Shells() {}

    public static void require(String name) {
        // Debian's bash, zsh, fish and dash, with Linux's startup files: macOS (Apple's bash 3.2, path_helper in
        // /etc/zprofile) and Windows are other machines, run for real by the real-os tests (cli/RealLoginShellTest).
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"),
                "real-shell tests run Linux's " + name + " and startup files; on " + System.getProperty("os.name")
                        + " the real-os tests (RealLoginShellTest) cover the shells");
        boolean found = List.of("/bin", "/usr/bin", "/usr/local/bin").stream().anyMatch(d -> Files.isExecutable(Path.of(d, name)));
        if (!found && System.getenv("CI") != null) {
            throw new AssertionError(name + " is not installed; .ci/run installs it");
        }
        Assumptions.assumeTrue(found, name + " is not installed here");
    }

    /**
     * What a new terminal prints for {@code command}: a login, interactive shell with what a terminal gives it
     * (HOME, USER, TERM, LANG and the system's default PATH), not this JVM's environment; input from /dev/null.
     */
    public static String newTerminal(Path home, String shell, String command) throws Exception {
        return run(home, home, shell, List.of("-l", "-i", "-c", command), null);
    }

    /** A new PowerShell 7 login session (its profile, as a terminal starts it on macOS and Linux) running {@code command}. */
    public static String newPwsh(Path home, String command) throws Exception {
        return run(home, home, "pwsh", List.of("-Login", "-NoLogo", "-NonInteractive", "-Command", command), null);
    }

    /** {@link #newTerminal} opened in {@code dir}, as a terminal tab opened inside a project is. */
    public static String newTerminalIn(Path home, Path dir, String shell, String command) throws Exception {
        return run(home, dir, shell, List.of("-l", "-i", "-c", command), null);
    }

    /**
     * A login, interactive shell in {@code dir} that reads {@code typed} as if typed at its prompt, line by line: the
     * prompt hooks (bash's PROMPT_COMMAND, zsh's precmd and chpwd, fish's events) run between the commands.
     */
    public static String typed(Path home, Path dir, String shell, String typed) throws Exception {
        return run(home, dir, shell, List.of("-l", "-i"), typed);
    }

    private static String run(Path home, Path dir, String shell, List<String> args, String input) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(shell));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (input == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        java.util.Map<String, String> env = pb.environment();
        env.clear();
        String user = System.getProperty("user.name");
        env.putAll(java.util.Map.of("HOME", home.toString(), "USER", user, "LOGNAME", user, "SHELL", shell.startsWith("/") ? shell : "/bin/" + shell,
                "TERM", "xterm-256color", "LANG", "C.UTF-8", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        Process p = pb.start();
        // a shell that hangs (a prompt hook stuck on a FIFO) is killed, and then fails the test below
        var killed = new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    killed.set(true);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (input != null) {
            try (var in = p.getOutputStream()) {
                in.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        if (killed.get()) {
            throw new AssertionError(shell + " did not finish in 30 s; it printed: " + new String(out, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
