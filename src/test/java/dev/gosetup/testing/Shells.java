package dev.gosetup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Real shells for tests: skipped where one is not installed, but a failure on CI, whose .ci/run installs them. */
public final class Shells {
    private Shells() {}

    public static void require(String name) {
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
        ProcessBuilder pb = new ProcessBuilder(shell, "-l", "-i", "-c", command).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true);
        java.util.Map<String, String> env = pb.environment();
        env.clear();
        String user = System.getProperty("user.name");
        env.putAll(java.util.Map.of("HOME", home.toString(), "USER", user, "LOGNAME", user, "SHELL", "/bin/" + shell,
                "TERM", "xterm-256color", "LANG", "C.UTF-8", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(shell + " did not finish");
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
