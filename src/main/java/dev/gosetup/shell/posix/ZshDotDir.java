package dev.gosetup.shell.posix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where zsh reads .zprofile and .zshrc for a home, as zsh itself decides: ZDOTDIR is set (if at all) in /etc/zshenv
 * or ~/.zshenv, the files every zsh reads first. This process's own ZDOTDIR says nothing about that: an app started
 * from Finder or the Dock has none, and one started from a terminal has that terminal's. So zsh is asked: a
 * non-interactive {@code zsh -c} reads exactly /etc/zshenv and ~/.zshenv, then prints what ZDOTDIR became.
 */
public final class ZshDotDir {
    private static final Logger LOG = Logger.getLogger(ZshDotDir.class.getName());
    private static final String MARK = "gosetup-zdotdir:";
    private static final List<String> PLACES = List.of("/bin/zsh", "/usr/bin/zsh", "/usr/local/bin/zsh", "/opt/homebrew/bin/zsh");

    /** What zsh said. {@code dir} is empty when zsh leaves ZDOTDIR unset (then it reads the home folder). */
    public record Answer(Optional<Path> dir) {}

    private ZshDotDir() {}

    /** The zsh on this machine: the login shell if it is zsh, else the usual places. */
    public static Optional<Path> zsh() {
        Optional<Path> login = LoginShell.path().filter(s -> s.endsWith("/zsh")).map(Path::of).filter(Files::isExecutable);
        return login.isPresent() ? login : PLACES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Asks zsh; empty when there is no zsh, or it did not answer within 5 s, or its answer is not a folder name. */
    public static Optional<Answer> ask(Path home) {
        return zsh().flatMap(zsh -> ask(zsh, home));
    }

    static Optional<Answer> ask(Path zsh, Path home) {
        return ask(zsh, home, globalZshenv(zsh));
    }

    static Optional<Answer> ask(Path zsh, Path home, java.util.List<Path> globalZshenv) {
        if (globalZshenv.stream().noneMatch(f -> Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                && !Files.exists(home.resolve(".zshenv"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // Nothing zsh reads before .zprofile and .zshrc exists, so nothing can set ZDOTDIR: zsh reads the home
            // folder. The usual case on a Mac (no /etc/zshenv there), and it saves starting a process.
            return Optional.of(new Answer(Optional.empty()));
        }
        ProcessBuilder pb = new ProcessBuilder(zsh.toString(), "-c", "print -r -- \"" + MARK + "${ZDOTDIR-}\"");
        Map<String, String> env = pb.environment();
        env.clear(); // nothing of this process's: no ZDOTDIR, no PATH tricks
        String user = System.getProperty("user.name", "");
        env.put("HOME", home.toString());
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("LANG", "C.UTF-8");
        pb.directory(home.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            // Read on the side: a .zshenv that starts something long-lived keeps the pipe open past zsh's own end.
            // A .zshenv may print; only our line matters, and a flood is cut off at 64 KiB.
            java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (var in = p.getInputStream()) {
                    return in.readNBytes(64 * 1024);
                } catch (IOException e) {
                    return new byte[0];
                }
            }, r -> Thread.ofVirtual().start(r));
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                LOG.info("zsh did not say where ZDOTDIR is within 5 s; using the home folder");
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = out.get(1, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly); // zsh is done; what it started still writes
                bytes = out.getNow(new byte[0]);
            }
            return parse(new String(bytes, StandardCharsets.UTF_8), home);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not ask zsh for ZDOTDIR", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Where a zsh may have its global zshenv (compiled in as its etcdir): /etc/zshenv (macOS, most builds),
     * /etc/zsh/zshenv (Debian, Ubuntu, Arch), and PREFIX/etc/zshenv for a zsh in PREFIX/bin (Homebrew, /usr/local).
     * Listing one too many only costs asking zsh.
     */
    static java.util.List<Path> globalZshenv(Path zsh) {
        java.util.List<Path> places = new java.util.ArrayList<>(java.util.List.of(Path.of("/etc/zshenv"), Path.of("/etc/zsh/zshenv")));
        Path bin = zsh.toAbsolutePath().getParent();
        if (bin != null && bin.getParent() != null) {
            places.add(bin.getParent().resolve("etc/zshenv"));
            places.add(bin.getParent().resolve("etc/zsh/zshenv"));
        }
        return places;
    }

    static Optional<Answer> parse(String output, Path home) {
        String value = null;
        for (String line : output.split("\n")) {
            if (line.startsWith(MARK)) {
                value = line.substring(MARK.length());
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value.isEmpty()) {
            return Optional.of(new Answer(Optional.empty()));
        }
        if (!value.startsWith("/") || value.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty(); // zsh would treat a relative ZDOTDIR as relative to where it starts: no file of ours
        }
        Path dir = Path.of(value).normalize();
        return Optional.of(new Answer(dir.equals(home) ? Optional.empty() : Optional.of(dir)));
    }
}
