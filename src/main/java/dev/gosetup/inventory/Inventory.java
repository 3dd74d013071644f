package dev.gosetup.inventory;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.ReleaseList;
import java.io.IOException;
import java.nio.file.Files;
import dev.gosetup.files.PathList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every Go on this machine, side by side — found in the places each manager uses and on PATH, read
 * without running any of them — with which one runs and why.
 *
 * @param fsRoot   "/" on a real machine; a folder in tests
 * @param hostArch the native CPU's Go arch (arm64 on Apple silicon even under Rosetta), for the amd64 warning
 * @param releases the release list for support status, or null when none is at hand
 * @param newTerminal which go a new terminal runs, or null when not asked
 */
public record Inventory(Path fsRoot, Path home, Map<String, String> env, Path sdkRoot, boolean windows, String hostArch,
                        ReleaseList releases, SizeCache sizes, String hostPlatform, NewTerminalGo newTerminal) {

    /** Without telling which go new terminals run (no entry is marked {@link InventoryEntry#newTerminal()}). */
    public Inventory(Path fsRoot, Path home, Map<String, String> env, Path sdkRoot, boolean windows, String hostArch,
                     ReleaseList releases, SizeCache sizes, String hostPlatform) {
        this(fsRoot, home, env, sdkRoot, windows, hostArch, releases, sizes, hostPlatform, null);
    }

    public Inventory(Path fsRoot, Path home, Map<String, String> env, Path sdkRoot, boolean windows, String hostArch,
                     ReleaseList releases, SizeCache sizes) {
        this(fsRoot, home, env, sdkRoot, windows, hostArch, releases, sizes, null);
    }

    public List<InventoryEntry> scan() {
        Map<Path, GoInstall> byRealRoot = new LinkedHashMap<>();
        for (Candidates.Candidate c : new Candidates(fsRoot, home, env, sdkRoot, windows).all()) {
            real(c.root()).ifPresent(r -> byRealRoot.computeIfAbsent(r, x -> withVersion(InstallReader.read(c.root(), c.source(), c.unfinished()))));
        }
        List<Path> pathRoots = pathRoots();
        for (Path root : pathRoots) {
            add(byRealRoot, root, Source.PATH); // kept with its first source when a manager's place found it already
        }
        Optional<Path> newTerminalRoot = newTerminal == null ? Optional.empty() : newTerminal.go().flatMap(Inventory::rootOf);
        newTerminalRoot.ifPresent(root -> add(byRealRoot, root, Source.PATH));
        Optional<Path> sdkActive = real(sdkRoot.resolve("go"));
        Path runs = pathRoots.isEmpty() ? null : pathRoots.getFirst();
        List<InventoryEntry> out = new ArrayList<>();
        for (Map.Entry<Path, GoInstall> e : byRealRoot.entrySet()) {
            Path realRoot = e.getKey();
            GoInstall install = e.getValue();
            int position = pathRoots.indexOf(realRoot);
            boolean active = position == 0;
            Path shadowedBy = position > 0 ? runs : null;
            long size = sizes == null ? -1 : sizes.size(install.root());
            out.add(new InventoryEntry(install, position, active, shadowedBy, sdkActive.map(realRoot::equals).orElse(false),
                    size, warnings(install), newerPatch(install), newTerminalRoot.map(realRoot::equals).orElse(false)));
        }
        return out;
    }

    private void add(Map<Path, GoInstall> byRealRoot, Path root, Source source) {
        real(root).ifPresent(r -> byRealRoot.computeIfAbsent(r, x -> withVersion(InstallReader.read(root, source))));
    }

    /** No VERSION file: ask the binary itself, when it can run here (built for this OS and CPU). */
    private GoInstall withVersion(GoInstall install) {
        if (install.version() != null || install.broken() || hostPlatform == null || !install.platforms().contains(hostPlatform)) {
            return install;
        }
        return GoVersionProbe.version(InstallReader.binary(install.root()))
                .map(v -> new GoInstall(install.root(), v, install.platforms(), install.source(), install.problem()))
                .orElse(install);
    }

    private static Optional<Path> real(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The roots of the `go` commands on PATH, in PATH order, each once (bin/go → its root, links resolved). */
    List<Path> pathRoots() {
        List<Path> roots = new ArrayList<>();
        String path = env.getOrDefault(windows ? "Path" : "PATH", env.getOrDefault("PATH", ""));
        for (String entry : PathList.parse(path, windows).names()) {
            Path dir = entry.startsWith("/") && !fsRoot.toString().equals("/") ? fsRoot.resolve(entry.substring(1)) : Path.of(entry);
            Path go = dir.resolve(windows ? "go.exe" : "go");
            if (!Files.isRegularFile(go) || !windows && !Files.isExecutable(go)) {
                continue;
            }
            rootOf(go).filter(r -> !roots.contains(r)).ifPresent(roots::add);
        }
        return roots;
    }

    /** A go binary's root, links resolved: the folder above its bin. */
    private static Optional<Path> rootOf(Path go) {
        return real(go).map(Path::getParent).filter(bin -> bin.getFileName() != null
                && bin.getFileName().toString().equals("bin")).map(Path::getParent);
    }

    private String newerPatch(GoInstall install) {
        if (releases == null || install.version() == null) {
            return null;
        }
        return GoVersion.parse(install.version()).map(v -> releases.supportOf(v).newerPatch()).orElse(null);
    }

    private List<String> warnings(GoInstall install) {
        List<String> w = new ArrayList<>();
        if (install.broken()) {
            w.add(InstallReader.UNFINISHED.equals(install.problem()) ? "unfinished" : "broken");
            return w;
        }
        if ("arm64".equals(hostArch) && install.platforms().stream().allMatch(p -> p.endsWith("-amd64"))
                && !install.platforms().isEmpty()) {
            w.add("amd64OnArm64");
        }
        if (releases != null && install.version() != null) {
            GoVersion.parse(install.version()).ifPresent(v -> {
                ReleaseList.SupportStatus status = releases.supportOf(v);
                if (!status.supported()) {
                    w.add("unsupported");
                }
                if (status.newerPatch() != null) {
                    w.add("newerPatch");
                }
            });
        }
        return w;
    }
}
