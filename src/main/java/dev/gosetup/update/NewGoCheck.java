package dev.gosetup.update;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks a freshly installed Go tree about itself before it becomes the active one: {@code go version} and
 * {@code go env GOROOT GOVERSION GOOS GOARCH}, and compares the answers with what was installed. A verified
 * archive can still hold a Go that does not run here (a build for another CPU, a broken binary); this is where
 * that is found, while the previous version is still the active one.
 *
 * <p>The tree is asked as it is shipped: an environment without the user's Go variables (only what a process
 * needs to start: PATH, HOME and the Windows profile folders), {@code GOTOOLCHAIN=local} so that it does not
 * switch to another toolchain, and {@code GOENV=off} so that the user's go.env file does not speak for it.
 */
public final class NewGoCheck {
    /** What a process needs to start and find its cache; nothing that changes what go reports. */
    private static final List<String> PASSED_ON = List.of("PATH", "HOME", "USERPROFILE", "SYSTEMROOT", "SystemRoot", "TEMP", "TMP",
            "TMPDIR", "LOCALAPPDATA", "APPDATA", "XDG_CACHE_HOME");
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final int SHOWN_OUTPUT = 300;

    private final Duration timeout;
    private final Map<String, String> environment;

    /** @param environment the process environment to take PATH, HOME… from (System.getenv() outside tests) */
    public NewGoCheck(Duration timeout, Map<String, String> environment) {
        this.timeout = timeout;
        this.environment = Map.copyOf(environment);
    }

    public static NewGoCheck standard() {
        return new NewGoCheck(Duration.ofSeconds(60), System.getenv());
    }

    /** What the new tree said of itself, when it said the right things. */
    public record Passed(String versionLine, String goroot, String goversion, String goos, String goarch) {}

    /** The outcome: passed, or the problem found. */
    public sealed interface Outcome {
        record Ok(Passed passed) implements Outcome {}

        record Failed(Problem problem) implements Outcome {}
    }

    /**
     * @param tree     the version's folder (ROOT/go1.22.12)
     * @param expected the version installed
     * @param platform the platform of the archive installed
     */
    public Outcome check(Path tree, GoVersion expected, Platform platform) {
        Path go = tree.resolve("bin").resolve("windows".equals(platform.os()) ? "go.exe" : "go");
        // A binary for another CPU or OS is said as such, from its header: run, it fails with words that explain
        // nothing (and on Linux the JDK even hands it to /bin/sh, as execvp does with ENOEXEC).
        String expectedBinary = platform.os() + "-" + platform.arch();
        Optional<String> built = dev.gosetup.install.BinaryPlatform.single(go);
        if (built.isPresent() && !built.get().equals(expectedBinary)) {
            return new Outcome.Failed(Problem.of("update.check.wrongPlatform", go, built.get(), expectedBinary));
        }
        Ran version = run(go, List.of("version"));
        if (version.problem() != null) {
            return new Outcome.Failed(version.problem());
        }
        String line = version.lines().isEmpty() ? "" : version.lines().getFirst().strip();
        // "go version go1.22.12 linux/amd64" (a devel build adds words between; the last two are what matter)
        String[] words = line.split("\\s+");
        String expectedPlatform = platform.os() + "/" + platform.arch();
        if (words.length < 4 || !words[0].equals("go") || !words[1].equals("version")) {
            return new Outcome.Failed(Problem.of("update.check.unexpected", "go version", expected.name() + " " + expectedPlatform, shown(line)));
        }
        Optional<GoVersion> said = GoVersion.parse(words[2]);
        if (said.isEmpty() || !said.get().sameAs(expected) || !words[words.length - 1].equals(expectedPlatform)) {
            return new Outcome.Failed(Problem.of("update.check.unexpected", "go version", expected.name() + " " + expectedPlatform, shown(line)));
        }
        Ran env = run(go, List.of("env", "GOROOT", "GOVERSION", "GOOS", "GOARCH"));
        if (env.problem() != null) {
            return new Outcome.Failed(env.problem());
        }
        List<String> values = env.lines();
        if (values.size() < 4) {
            return new Outcome.Failed(Problem.of("update.check.unexpected", "go env", "GOROOT GOVERSION GOOS GOARCH",
                    shown(String.join(" | ", values))));
        }
        String goroot = values.get(0).strip();
        Optional<String> wrong = mismatch("GOROOT", tree, goroot)
                .or(() -> GoVersion.parse(values.get(1).strip()).filter(v -> v.sameAs(expected)).isPresent() ? Optional.empty()
                        : Optional.of("GOVERSION"))
                .or(() -> values.get(2).strip().equals(platform.os()) ? Optional.empty() : Optional.of("GOOS"))
                .or(() -> values.get(3).strip().equals(platform.arch()) ? Optional.empty() : Optional.of("GOARCH"));
        if (wrong.isPresent()) {
            String expectedValue = switch (wrong.get()) {
                case "GOROOT" -> tree.toString();
                case "GOVERSION" -> expected.name();
                case "GOOS" -> platform.os();
                default -> platform.arch();
            };
            int index = List.of("GOROOT", "GOVERSION", "GOOS", "GOARCH").indexOf(wrong.get());
            return new Outcome.Failed(Problem.of("update.check.mismatch", wrong.get(), expectedValue, shown(values.get(index).strip())));
        }
        return new Outcome.Ok(new Passed(line, goroot, values.get(1).strip(), values.get(2).strip(), values.get(3).strip()));
    }

    /** GOROOT must be the tree itself (by real path: ~/sdk may be reached through a link). */
    private static Optional<String> mismatch(String name, Path tree, String said) {
        try {
            return said.isEmpty() || !Path.of(said).toRealPath().equals(tree.toRealPath()) ? Optional.of(name) : Optional.empty();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.of(name);
        }
    }

    private record Ran(List<String> lines, Problem problem) {}

    /** Runs go with a clean environment and a time limit; its output goes to a file, so a hung child cannot block the read. */
    private Ran run(Path go, List<String> args) {
        String command = "go " + String.join(" ", args);
        List<String> cmd = new ArrayList<>();
        cmd.add(go.toString());
        cmd.addAll(args);
        Path output = null;
        try {
            output = Files.createTempFile("gosetup-check", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Map<String, String> env = pb.environment();
            env.clear();
            for (String name : PASSED_ON) {
                String v = environment.get(name);
                if (v != null) {
                    env.put(name, v);
                }
            }
            env.put("GOTOOLCHAIN", "local");
            env.put("GOENV", "off");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                // Typically "Exec format error": a Go for another CPU or OS.
                return new Ran(List.of(), Problem.of("update.check.didNotStart", go, Problems.of(e)));
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Ran(List.of(), Problem.of("update.check.timeout", command, timeout));
            }
            String text;
            try (InputStream in = Files.newInputStream(output)) {
                text = new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
            }
            if (p.exitValue() != 0) {
                return new Ran(List.of(), Problem.of("update.check.exit", command, p.exitValue(), shown(text)));
            }
            return new Ran(text.lines().toList(), null);
        } catch (IOException e) {
            return new Ran(List.of(), Problem.of("update.check.didNotStart", go, Problems.of(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(List.of(), Problem.of("error.interrupted"));
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file of a few bytes
                }
            }
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** What a tree printed, as it may be shown: one short line of printable text (it is not ours). */
    static String shown(String text) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " | ");
        String printable = oneLine.codePoints().filter(c -> !Character.isISOControl(c) && c != 0xFFFD)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > SHOWN_OUTPUT ? printable.substring(0, SHOWN_OUTPUT) + "…" : printable;
    }
}
