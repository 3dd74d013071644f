package dev.gosetup.doctor;

import dev.gosetup.i18n.Problems;
import dev.gosetup.ide.JetBrainsGoroot;
import dev.gosetup.ide.VsCodeSettings;
import dev.gosetup.install.BinaryPlatform;
import dev.gosetup.install.SdkRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the IDEs use the Go a new terminal runs: VS Code's go.goroot and go.alternateTools.go (user settings
 * of Code, Code - Insiders, VSCodium and Remote-WSL/SSH's machine settings), and the GOROOT of known GoLand /
 * IntelliJ projects. Each is reported when it names a Go that is gone (a removed version), one built for another
 * architecture than this machine's, or another Go than the terminal's. VS Code's go.goroot can be pointed at the
 * active link; JetBrains settings are only explained (menu path and file), never edited.
 */
public final class IdeFindings {
    /** Argument position of the settings file a {@link Finding.Fix#POINT_VSCODE_GOROOT} fix edits. */
    public static final int ARG_FILE = 0;

    private IdeFindings() {}

    /**
     * @param os         linux, mac or windows
     * @param terminalGo the go binary a new terminal runs, when known
     * @param hostArch   this machine's native GOARCH (amd64, arm64, …)
     * @param projects   the project folders gosetup knows (for JetBrains' per-project GOROOT)
     */
    public static List<Finding> check(String os, Path home, Map<String, String> env, Optional<Path> terminalGo, Path sdkRoot,
                                      String hostArch, List<Path> projects) {
        List<Finding> out = new ArrayList<>();
        Path terminalRoot = terminalGo.map(IdeFindings::gorootOf).orElse(null);
        boolean activeLink = Files.isSymbolicLink(sdkRoot.resolve(SdkRoot.ACTIVE_LINK))
                || Files.isDirectory(sdkRoot.resolve(SdkRoot.ACTIVE_LINK), LinkOption.NOFOLLOW_LINKS) && os.equals("windows");
        Path active = sdkRoot.resolve(SdkRoot.ACTIVE_LINK);
        int n = 0;
        for (Path file : VsCodeSettings.locations(os, home, env)) {
            String suffix = n++ == 0 ? "" : "-" + n;
            Optional<VsCodeSettings.GoSettings> read;
            try {
                read = VsCodeSettings.read(file, home, env);
            } catch (IOException e) {
                out.add(Finding.warn("ide-vscode-settings" + suffix, "doctor.ide.vscode.unreadable", null, file, Problems.of(e)));
                continue;
            }
            if (read.isEmpty()) {
                continue;
            }
            VsCodeSettings.GoSettings s = read.get();
            Finding.Fix fix = activeLink ? Finding.Fix.POINT_VSCODE_GOROOT : null;
            if (s.goroot() != null) {
                out.add(judge("ide-vscode-goroot" + suffix, "doctor.ide.vscode.goroot.", fix, file, s.goroot(),
                        s.gorootPath(), terminalRoot, hostArch, os, active));
            }
            if (s.alternateGo() != null && s.alternateGoPath() != null) {
                Path root = gorootOf(s.alternateGoPath());
                out.add(judge("ide-vscode-alternate" + suffix, "doctor.ide.vscode.alternate.", null, file, s.alternateGo(),
                        root, terminalRoot, hostArch, os, active));
            }
        }
        int p = 0;
        for (Path project : projects) {
            p++;
            try {
                Optional<JetBrainsGoroot.ProjectGoroot> g = JetBrainsGoroot.read(project, home);
                if (g.isPresent() && g.get().goroot() != null) {
                    out.add(judge("ide-jetbrains-goroot-" + p, "doctor.ide.jetbrains.", null, g.get().workspaceFile(),
                            g.get().goroot().toString(), g.get().goroot(), terminalRoot, hostArch, os, active));
                }
            } catch (IOException unreadable) {
                // a workspace file we may not read (a FIFO, huge): JetBrains rewrites it; nothing to say about Go
            }
        }
        return out;
    }

    /**
     * One configured Go root against the terminal's ({@code key} ends with a dot). Keys: KEY.missing, KEY.wrongArch, KEY.differs, KEY.ok;
     * arguments: the settings file, the value as written, then what it is compared with.
     */
    private static Finding judge(String id, String key, Finding.Fix fix, Path file, String written, Path root, Path terminalRoot,
                                 String hostArch, String os, Path active) {
        if (root == null) {
            return Finding.warn(id, key + "unresolved", fix, file, written, active);
        }
        Path go = root.resolve("bin").resolve(os.equals("windows") ? "go.exe" : "go");
        if (!Files.isRegularFile(go)) {
            return Finding.fail(id, key + "missing", fix, file, written, active);
        }
        Optional<String> platform = BinaryPlatform.single(go);
        if (platform.isPresent() && hostArch != null && !platform.get().endsWith("-" + hostArch)) {
            return Finding.fail(id, key + "wrongArch", fix, file, written, platform.get(), hostArch, active);
        }
        if (terminalRoot != null && !same(root, terminalRoot)) {
            return Finding.warn(id, key + "differs", fix, file, written, terminalRoot.toString(), active);
        }
        return Finding.ok(id, key.substring(0, key.length() - 1), file, written);
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.normalize().equals(b.normalize());
        }
    }

    /** GOROOT of a go binary: the folder above its bin, through links (as the go command finds it). */
    static Path gorootOf(Path go) {
        try {
            return go.toRealPath().getParent().getParent();
        } catch (IOException | NullPointerException e) {
            Path parent = go.toAbsolutePath().getParent();
            return parent == null || parent.getParent() == null ? go : parent.getParent();
        }
    }
}
