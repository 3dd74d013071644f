package dev.gosetup.shell.terminal;

import dev.gosetup.shell.ShellFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a freshly opened terminal starts from, built from the account and the system — never this
 * process's own, which may date from before the change (an IDE, a window opened yesterday): HOME, USER,
 * LOGNAME, SHELL, TERM, LANG and the system's default PATH.
 */
public final class CleanEnvironment {
    /** What login(1) and pam_env give when the system says nothing else (Debian's ENV_SUPATH, systemd's default). */
    static final String LINUX_DEFAULT = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** What launchd gives every process on macOS before path_helper adds /etc/paths and /etc/paths.d. */
    static final String MAC_DEFAULT = "/usr/bin:/bin:/usr/sbin:/sbin";
    private static final Pattern ENVIRONMENT_PATH = Pattern.compile("\\s*(?:export\\s+)?PATH\\s*=\\s*(\"[^\"]*\"|'[^']*'|\\S*)\\s*");
    private static final Pattern LOGIN_DEFS_PATH = Pattern.compile("\\s*(ENV_PATH|ENV_SUPATH)\\s+(?:PATH=)?(\\S+)\\s*");
    private static final Pattern PATH_HELPER = Pattern.compile("PATH=\"([^\"]*)\"");

    private CleanEnvironment() {}

    /**
     * @param files      the home and the variables that move the startup files (ZDOTDIR, XDG_CONFIG_HOME),
     *                   passed on so the shell reads the files gosetup wrote
     * @param shell      the SHELL a terminal sets: the account's login shell
     * @param systemRoot "/" on a real machine (where /etc/environment and /etc/login.defs are read)
     * @param process    this process's environment, for LANG only
     */
    public static Map<String, String> of(ShellFiles files, String shell, Path systemRoot, Map<String, String> process, boolean root) {
        Map<String, String> env = new LinkedHashMap<>();
        String user = System.getProperty("user.name", "");
        env.put("HOME", files.home().toString());
        env.put("USER", user);
        env.put("LOGNAME", user);
        if (shell != null) {
            env.put("SHELL", shell);
        }
        env.put("TERM", "xterm-256color"); // what terminal emulators set; some startup files skip everything for "dumb"
        String lang = firstSet(process, "LANG", "LC_ALL");
        env.put("LANG", lang != null ? lang : "C.UTF-8");
        env.put("PATH", defaultPath(files.os(), systemRoot, root));
        for (String v : List.of("ZDOTDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")) {
            String value = files.env().get(v);
            if (value != null && !value.isBlank()) {
                env.put(v, value);
            }
        }
        return env;
    }

    /**
     * The PATH a session starts with: on Linux /etc/environment's (pam_env), else /etc/login.defs' (login),
     * else the usual default; on macOS what path_helper makes of /etc/paths and /etc/paths.d.
     */
    static String defaultPath(String os, Path systemRoot, boolean root) {
        if (os.equals("mac")) {
            return macPath(systemRoot);
        }
        String fromEnvironment = environmentFile(systemRoot.resolve("etc/environment"));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        String fromLoginDefs = loginDefs(systemRoot.resolve("etc/login.defs"), root);
        return fromLoginDefs != null ? fromLoginDefs : LINUX_DEFAULT;
    }

    static String environmentFile(Path file) {
        for (String line : lines(file)) {
            Matcher m = ENVIRONMENT_PATH.matcher(line);
            if (m.matches()) {
                String v = m.group(1);
                v = v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'")) ? v.substring(1, v.length() - 1) : v;
                return v.isBlank() ? null : v;
            }
        }
        return null;
    }

    static String loginDefs(Path file, boolean root) {
        String found = null;
        for (String line : lines(file)) {
            Matcher m = LOGIN_DEFS_PATH.matcher(line);
            if (m.matches() && m.group(1).equals(root ? "ENV_SUPATH" : "ENV_PATH")) {
                found = m.group(2);
            }
        }
        return found;
    }

    private static String macPath(Path systemRoot) {
        Path helper = systemRoot.resolve("usr/libexec/path_helper");
        if (Files.isExecutable(helper)) {
            try {
                ProcessBuilder pb = new ProcessBuilder(helper.toString(), "-s").redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                pb.environment().clear();
                pb.environment().put("PATH", MAC_DEFAULT);
                Process p = pb.start();
                byte[] out = p.getInputStream().readNBytes(64 * 1024);
                if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    Matcher m = PATH_HELPER.matcher(new String(out, StandardCharsets.UTF_8));
                    if (m.find() && !m.group(1).isBlank()) {
                        return m.group(1);
                    }
                }
                p.destroyForcibly();
            } catch (IOException e) {
                // no answer: the launchd default below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return MAC_DEFAULT;
    }

    private static List<String> lines(Path file) {
        try {
            return dev.gosetup.shell.StartupFiles.text(file, StandardCharsets.ISO_8859_1).orElse("").lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
