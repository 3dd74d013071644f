package dev.gosetup.shell.terminal;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.sources.ShellSources;
import dev.gosetup.shell.StartupOrder;
import dev.gosetup.shell.posix.LoginShell;
import dev.gosetup.files.ProcessUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds out what a freshly opened terminal will run, for each shell gosetup configures: starts the real
 * shell as a terminal does (login and interactive; also as a Linux terminal tab for bash), from a clean
 * environment built from the account, and reads `command -v go`, `go version` and `go env`. Where the
 * answer is not the active Go, {@link Defeats} names the line that undid our block. The shells run in
 * parallel; each has a short time limit. One call, blocking: the window calls it off the FX thread.
 */
public final class NewTerminal {
    private static final Logger LOG = Logger.getLogger(NewTerminal.class.getName());
    /** Where shells are installed besides the default PATH (Homebrew, MacPorts, Linuxbrew, snaps). */
    private static final List<String> SHELL_DIRS = List.of("/bin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/opt/local/bin",
            "/home/linuxbrew/.linuxbrew/bin", "/snap/bin");

    /**
     * @param timeout    how long one shell may take to answer (startup files included)
     * @param systemRoot "/" on a real machine: where the system's default PATH is read
     */
    public record Options(Duration timeout, Path systemRoot) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

        public static Options defaults() {
            return new Options(DEFAULT_TIMEOUT, Path.of("/"));
        }

        public Options withTimeout(Duration t) {
            return new Options(t, systemRoot);
        }
    }

    private NewTerminal() {}

    /** Every shell gosetup configures by default: the login shell and every shell with startup files. */
    public static TerminalReport check(ShellSources where, Options options) {
        return check(where, where.defaultShells(), options);
    }

    public static TerminalReport check(ShellSources where, Collection<Shell> shells, Options options) {
        ShellFiles files = where.files();
        if (files.os().equals("windows")) {
            return TerminalReport.NONE; // new Windows terminals read the registry, not startup files
        }
        long started = System.nanoTime();
        String loginShell = where.loginShell() != null ? LoginShell.path().orElse(null) : null;
        Set<Shell> ordered = new LinkedHashSet<>();
        if (where.loginShell() != null && shells.contains(where.loginShell())) {
            ordered.add(where.loginShell());
        }
        ordered.addAll(shells);
        List<Future<TerminalCheck>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Shell shell : ordered) {
                for (StartupOrder.Start start : StartupOrder.starts(files.os(), shell)) {
                    running.add(pool.submit(() -> checkOne(where, shell, start, loginShell, options)));
                }
            }
            List<TerminalCheck> checks = new ArrayList<>();
            for (Future<TerminalCheck> f : running) {
                checks.add(f.get());
            }
            return new TerminalReport(checks, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TerminalReport.NONE;
        } catch (ExecutionException e) {
            throw new IllegalStateException("The new-terminal check failed", e.getCause());
        }
    }

    static TerminalCheck checkOne(ShellSources where, Shell shell, StartupOrder.Start start, String loginShell, Options options) {
        ShellFiles files = where.files();
        Path intended = where.sdkRoot().resolve("go").resolve("bin").resolve("go");
        Map<String, String> env = CleanEnvironment.of(files, null, options.systemRoot(), System.getenv(), ProcessUser.isRoot());
        String exe = executable(shell, loginShell, env.get("PATH"));
        List<String> flags = flags(shell, start);
        String command = shell.id + " " + String.join(" ", flags);
        long began = System.nanoTime();
        if (exe == null) {
            return new TerminalCheck(shell, start, command, null, Verdict.SHELL_MISSING, "", "", "", "", "", "", "", Duration.ZERO,
                    intended, false, List.of());
        }
        // A startup file that is not a file (a FIFO, a device, a folder, far too large) would make the shell wait
        // or crawl, as it would in a real terminal: said without starting it, so the check never hangs on it.
        for (Path f : StartupOrder.files(files, shell, start)) {
            try {
                if (Files.exists(f)) {
                    dev.gosetup.shell.StartupFiles.inspect(f);
                }
            } catch (dev.gosetup.shell.UnusableFileException e) {
                return failed(shell, start, command, exe, intended, began, e.problem());
            } catch (IOException e) {
                // unreadable for another reason: the shell reports it in its own words
            }
        }
        env.put("SHELL", loginShell != null ? loginShell : exe);
        String marker = "gosetup-" + UUID.randomUUID().toString().replace("-", "");
        List<String> argv = new ArrayList<>();
        argv.add(exe);
        argv.addAll(flags);
        argv.add(shell == Shell.PWSH ? "-Command" : "-c");
        argv.add(ProbeScript.forShell(shell, marker));
        ShellProcess.Outcome outcome;
        try {
            outcome = ShellProcess.run(argv, env, files.home(), options.timeout(), marker + ":end=");
        } catch (IOException e) {
            return failed(shell, start, command, exe, intended, began, Problems.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(shell, start, command, exe, intended, began, Problem.of("error.interrupted"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        Map<String, String> a = ProbeScript.parse(outcome.output(), marker);
        Verdict verdict;
        if (outcome.timedOut()) {
            verdict = Verdict.TIMED_OUT;
        } else if (!outcome.finished()) {
            verdict = Verdict.FAILED;
        } else {
            String go = a.getOrDefault("go", "");
            verdict = go.isBlank() ? Verdict.NO_GO : same(go, intended) ? Verdict.OURS : Verdict.OTHER_GO;
        }
        boolean answered = verdict == Verdict.OURS || verdict == Verdict.OTHER_GO || verdict == Verdict.NO_GO;
        Defeats.Found found = Defeats.find(files, shell, start, verdict);
        // With nothing installed yet there is no block to be undone: whatever go runs is simply the only one.
        List<Defeat> defeats = answered && verdict != Verdict.OURS && Files.exists(intended) ? found.defeats() : List.of();
        if (!answered) {
            LOG.log(Level.INFO, "{0} did not answer ({1}): {2}", new Object[] {command, verdict, outcome.output()});
        }
        return new TerminalCheck(shell, start, command, exe, verdict, a.getOrDefault("go", ""), version(a.getOrDefault("version", "")),
                a.getOrDefault("goroot", ""), a.getOrDefault("gopath", ""), a.getOrDefault("gotoolchain", ""), a.getOrDefault("path", ""),
                answered ? "" : problem(outcome.output(), marker, outcome.exitCode()), took, intended, found.configured(), defeats);
    }

    /** Login and interactive, as terminals start shells; a Linux terminal tab starts bash interactive only. */
    static List<String> flags(Shell shell, StartupOrder.Start start) {
        return switch (shell) {
            case PWSH -> List.of("-Login", "-NoLogo"); // -Login must come first (PowerShell 7 on Linux and macOS)
            default -> start == StartupOrder.Start.TAB ? List.of("-i") : List.of("-l", "-i");
        };
    }

    /** The account's login shell when it is this one; else the first found where shells are installed; null when none. */
    public static String executable(Shell shell, String loginShell, String defaultPath) {
        if (loginShell != null && Shell.parse(loginShell).orElse(null) == shell && Files.isExecutable(Path.of(loginShell))) {
            return loginShell;
        }
        Set<String> dirs = new LinkedHashSet<>(List.of(defaultPath.split(":")));
        dirs.addAll(SHELL_DIRS);
        String processPath = System.getenv("PATH");
        if (processPath != null) {
            dirs.addAll(List.of(processPath.split(":")));
        }
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir, shell.id);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static boolean same(String go, Path intended) {
        try {
            return Path.of(go).isAbsolute() && Files.isSameFile(Path.of(go), intended);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false; // the intended go is not there (nothing installed yet), or go is a function or alias
        }
    }

    /** "go1.22.5" out of "go version go1.22.5 linux/amd64"; the text as it is when it does not read so. */
    static String version(String goVersion) {
        String[] words = goVersion.strip().split("\\s+");
        return words.length >= 3 && words[0].equals("go") && words[1].equals("version") ? words[2] : goVersion.strip();
    }

    private static TerminalCheck failed(Shell shell, StartupOrder.Start start, String command, String exe, Path intended, long began,
                                        Problem why) {
        // problem: English, for the JSON output and the log; why: for the faces, in the user's language
        return new TerminalCheck(shell, start, command, exe, Verdict.FAILED, "", "", "", "", "", "", why.english(),
                Duration.ofNanos(System.nanoTime() - began), intended, false, List.of(), why);
    }

    /** The shell's last words, without the noise every interactive shell without a terminal makes. */
    static String problem(String output, String marker, int exitCode) {
        List<String> lines = new ArrayList<>();
        for (String l : output.split("\r?\n")) {
            if (l.isBlank() || l.contains(marker) || l.contains("no job control") || l.contains("cannot set terminal process group")
                    || l.contains("Inappropriate ioctl")) {
                continue;
            }
            lines.add(l.length() > 200 ? l.substring(0, 200) + "…" : l);
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        String text = String.join("\n", tail);
        // the exit status as a shell writes it ($? = 2): shell output and notation, no words to translate
        return exitCode >= 0 ? (text.isEmpty() ? "$? = " + exitCode : text + "\n($? = " + exitCode + ")") : text;
    }
}
