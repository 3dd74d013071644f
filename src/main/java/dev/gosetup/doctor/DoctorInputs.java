package dev.gosetup.doctor;

import dev.gosetup.host.HostInfo;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.project.GoEnvFile;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.StartupFiles;
import dev.gosetup.shell.UnusableFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers a {@link DoctorInput} from the real machine: files read, nothing run. */
public final class DoctorInputs {
    private DoctorInputs() {}

    public static DoctorInput gather(Map<String, String> env, List<InventoryEntry> inventory, HostInfo host, ShellFiles files,
                                     Path sdkRoot, Path workingDir) {
        Path home = files.home();
        Map<Path, byte[]> startup = new LinkedHashMap<>();
        List<StartupFiles.Unusable> unusable = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (Shell shell : Shell.values()) {
            files.targets(shell).forEach(t -> paths.add(t.path()));
        }
        for (String extra : List.of(".zshenv", ".bash_login")) { // read by shells, not written by us: may hold Go lines
            paths.add(home.resolve(extra));
        }
        for (Path p : paths) {
            if (startup.containsKey(p) || unusable.stream().anyMatch(u -> u.file().equals(p))) {
                continue;
            }
            try {
                StartupFiles.Snapshot s = StartupFiles.inspect(p); // the one reader of startup files: never opens a FIFO
                if (s.exists()) {
                    startup.put(p, s.content());
                }
            } catch (UnusableFileException e) {
                unusable.add(e.unusable());
            } catch (IOException e) {
                // a dangling link, an unreadable file: StartupFiles reports it when writing
            }
        }
        return new DoctorInput(env, inventory, host, home, sdkRoot, goEnvFile(env, files.os(), home), goModToolchain(workingDir),
                startup, cCompiler(env, files.os()), files.os(), files.os().equals("mac") && Files.exists(Path.of("/etc/paths.d/go")))
                .withUnusable(unusable);
    }

    /** Go's own env file (`go env -w`): $GOENV, else os.UserConfigDir()/go/env; read as go reads it. */
    static Map<String, String> goEnvFile(Map<String, String> env, String os, Path home) {
        return GoEnvFile.read(GoEnvFile.userFile(os, env, home).orElse(null));
    }

    /** The `toolchain goX.Y.Z` line of ./go.mod, or null. */
    static String goModToolchain(Path dir) {
        if (dir == null) {
            return null;
        }
        try {
            for (String line : StartupFiles.text(dir.resolve("go.mod"), StandardCharsets.UTF_8).orElse("").lines().toList()) {
                String t = line.strip();
                if (t.startsWith("toolchain ")) {
                    return t.substring("toolchain ".length()).strip();
                }
            }
        } catch (IOException e) {
            // no go.mod here
        }
        return null;
    }

    /**
     * The C compiler cgo would use: $CC, else cc/gcc/clang on PATH. On macOS /usr/bin/cc exists even without
     * the Command Line Tools (it only offers to install them), so there the tools' own folder must exist.
     */
    static String cCompiler(Map<String, String> env, String os) {
        if (os.equals("mac")) {
            for (String dir : List.of("/Library/Developer/CommandLineTools/usr/bin/clang",
                    "/Applications/Xcode.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/bin/clang")) {
                if (Files.isExecutable(Path.of(dir))) {
                    return dir;
                }
            }
            return null;
        }
        String cc = env.get("CC");
        List<String> names = cc != null && !cc.isBlank() ? List.of(cc.split("\\s+")[0]) : List.of("gcc", "cc", "clang");
        String path = env.getOrDefault(os.equals("windows") ? "Path" : "PATH", env.getOrDefault("PATH", ""));
        for (String name : names) {
            if (name.contains("/") && Files.isExecutable(Path.of(name))) {
                return name;
            }
            for (Path dir : dev.gosetup.files.PathList.parse(path, os.equals("windows")).dirs()) {
                Path p = dir.resolve(os.equals("windows") ? name + ".exe" : name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }
}
