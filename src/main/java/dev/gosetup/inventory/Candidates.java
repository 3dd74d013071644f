package dev.gosetup.inventory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where Go installs live, per manager (facts: ../shared/notes/go-distribution.md). Only lists folders;
 * nothing is read or run here. Absolute places are resolved under {@code fsRoot} so tests can build a
 * whole machine in a folder.
 */
final class Candidates {
    /** @param unfinished gosetup's own staging folder of an interrupted install */
    record Candidate(Path root, Source source, boolean unfinished) {
        Candidate(Path root, Source source) {
            this(root, source, false);
        }
    }

    private final Path fsRoot;
    private final Path home;
    private final Map<String, String> env;
    private final Path sdkRoot;
    private final boolean windows;

    Candidates(Path fsRoot, Path home, Map<String, String> env, Path sdkRoot, boolean windows) {
        this.fsRoot = fsRoot;
        this.home = home;
        this.env = env;
        this.sdkRoot = sdkRoot;
        this.windows = windows;
    }

    List<Candidate> all() {
        List<Candidate> out = new ArrayList<>();
        children(sdkRoot, "go[0-9]*", Source.SDK, "", out);
        for (Path staging : hidden(sdkRoot, ".staging-*")) {
            out.add(new Candidate(staging, Source.SDK, true));
        }
        if (!sdkRoot.equals(home.resolve("sdk"))) {
            children(home.resolve("sdk"), "go[0-9]*", Source.SDK, "", out); // golang.org/dl's, beside a moved root
        }
        one(abs("/usr/local/go"), Source.OFFICIAL, out);
        for (String brew : List.of("/opt/homebrew/Cellar", "/usr/local/Cellar")) {
            for (Path formula : dirs(abs(brew), "go*")) {
                String name = formula.getFileName().toString();
                if (name.equals("go") || name.matches("go@\\d+\\.\\d+")) {
                    children(formula, "*", Source.HOMEBREW, "libexec", out);
                }
            }
        }
        one(abs("/opt/local/lib/go"), Source.MACPORTS, out);
        children(abs("/usr/lib"), "go-1.*", Source.DISTRO, "", out);
        one(abs("/usr/lib/golang"), Source.DISTRO, out);
        one(abs("/snap/go/current"), Source.SNAP, out);
        children(home.resolve(".asdf/installs/golang"), "*", Source.ASDF, "go", out);
        children(home.resolve(".local/share/mise/installs/go"), "*", Source.MISE, "", out);
        children(home.resolve(".goenv/versions"), "*", Source.GOENV, "", out);
        children(home.resolve(".gvm/gos"), "go*", Source.GVM, "", out);
        children(home.resolve(".g/versions"), "*", Source.G, "", out);
        children(moduleCache().resolve("golang.org"), "toolchain@v0.0.1-go*", Source.TOOLCHAIN, "", out);
        if (windows) {
            one(Path.of(env.getOrDefault("ProgramFiles", "C:\\Program Files"), "Go"), Source.WINDOWS, out);
            children(home.resolve("scoop/apps/go"), "[0-9]*", Source.SCOOP, "", out);
        } else {
            one(abs("/mnt/c/Program Files/Go"), Source.WSL_WINDOWS, out); // WSL: the MSI's Go on the Windows side
        }
        return out;
    }

    /** GOMODCACHE, else GOPATH's first entry /pkg/mod, else ~/go/pkg/mod. */
    private Path moduleCache() {
        String cache = env.get("GOMODCACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache);
        }
        String gopath = env.get("GOPATH");
        if (gopath != null && !gopath.isBlank()) {
            return Path.of(gopath.split(java.io.File.pathSeparator)[0], "pkg", "mod");
        }
        return home.resolve("go/pkg/mod");
    }

    private Path abs(String path) {
        return fsRoot.resolve(path.substring(1));
    }

    private static void one(Path root, Source source, List<Candidate> out) {
        if (Files.isDirectory(root)) {
            out.add(new Candidate(root, source));
        }
    }

    private static void children(Path dir, String glob, Source source, String below, List<Candidate> out) {
        for (Path child : dirs(dir, glob)) {
            Path root = below.isEmpty() ? child : child.resolve(below);
            if (Files.isDirectory(root)) {
                out.add(new Candidate(root, source));
            }
        }
    }

    /** Hidden folders (dirs() skips them): gosetup's staging folders. */
    private static List<Path> hidden(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            for (Path p : s) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            // an unreadable folder holds nothing we can list
        }
        out.sort(null);
        return out;
    }

    private static List<Path> dirs(Path dir, String glob) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
            for (Path p : s) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            // an unreadable folder holds nothing we can list
        }
        out.sort(null);
        return out;
    }
}
