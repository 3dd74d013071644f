package dev.gosetup.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real Go tools built by real Go toolchains (the MultiGoMirror archives, unpacked once) from a local module proxy
 * in the file-system layout ({@code GOPROXY=file:///…}), offline: module example.com/hello v1.0.0 with two
 * commands (cmd/hello and cmd/dlv, a stand-in for Delve) that depend on example.com/greet v1.0.0. Cross-built for
 * any GOOS/GOARCH with CGO_ENABLED=0 and {@code -ldflags=-s -w} (a quoted build setting), and cached under
 * ~/.cache/gosetup-test/go-tools so reruns are fast.
 */
public final class GoToolBuilds {
    public static final String MODULE = "example.com/hello";
    public static final String HELLO = MODULE + "/cmd/hello";
    public static final String DLV = MODULE + "/cmd/dlv";

    private GoToolBuilds() {}

    static Path cache() {
        return Path.of(System.getProperty("user.home"), ".cache", "gosetup-test", "go-tools-v1");
    }

    /** The GOROOT of a real Go of {@link MultiGoMirror#VERSIONS} for linux-amd64, unpacked once. */
    public static synchronized Path goRoot(String version) throws IOException, InterruptedException {
        Path dir = cache().resolve("go" + version);
        Path go = dir.resolve("go");
        if (!Files.isExecutable(go.resolve("bin/go"))) {
            Path archive = MultiGoMirror.dir().resolve("go" + version + ".linux-amd64.tar.gz");
            Path partial = cache().resolve("go" + version + ".partial");
            deleteTree(partial);
            Files.createDirectories(partial);
            run(List.of("tar", "xzf", archive.toString(), "-C", partial.toString()), Map.of(), partial);
            deleteTree(dir);
            Files.move(partial, dir);
        }
        return go;
    }

    /** The file-system module proxy (written once). */
    public static synchronized Path proxy() throws IOException {
        Path proxy = cache().resolve("proxy");
        if (Files.isRegularFile(proxy.resolve("example.com/hello/@v/list"))) {
            return proxy;
        }
        Path partial = cache().resolve("proxy.partial");
        deleteTree(partial);
        module(partial, "example.com/greet", "v1.0.0", Map.of(
                "go.mod", "module example.com/greet\n\ngo 1.19\n",
                "greet.go", "package greet\n\n// Hello is what the tools say.\nfunc Hello() string { return \"hello\" }\n"));
        String main = "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/greet\"\n)\n\nfunc main() { fmt.Println(greet.Hello()) }\n";
        module(partial, MODULE, "v1.0.0", Map.of(
                "go.mod", "module example.com/hello\n\ngo 1.19\n\nrequire example.com/greet v1.0.0\n",
                "cmd/hello/main.go", main,
                "cmd/dlv/main.go", main));
        deleteTree(proxy);
        Files.move(partial, proxy);
        return proxy;
    }

    private static void module(Path proxy, String path, String version, Map<String, String> files) throws IOException {
        Path v = Files.createDirectories(proxy.resolve(path).resolve("@v"));
        Files.writeString(v.resolve("list"), version + "\n");
        Files.writeString(v.resolve(version + ".info"), "{\"Version\":\"" + version + "\",\"Time\":\"2024-01-01T00:00:00Z\"}");
        Files.writeString(v.resolve(version + ".mod"), files.get("go.mod"));
        try (OutputStream out = Files.newOutputStream(v.resolve(version + ".zip")); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(path + "@" + version + "/" + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /**
     * The go command's environment for offline builds from {@link #proxy()}: no env file, no checksum database
     * (the modules are not in it), shared caches under the test cache.
     */
    public static Map<String, String> env(Path home) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("GOENV", "off");
        env.put("GOPROXY", proxy().toUri().toString().replaceFirst("^file:/+", "file:///"));
        env.put("GOSUMDB", "off");
        env.put("GOTELEMETRY", "off");
        env.put("GOCACHE", cache().resolve("gocache").toString());
        env.put("GOMODCACHE", cache().resolve("modcache").toString());
        env.put("GOFLAGS", "-modcacherw");
        env.put("CGO_ENABLED", "0");
        return env;
    }

    /** The program {@code cmd} ("hello" or "dlv") built by Go {@code version} for GOOS/GOARCH, cached. */
    public static synchronized Path build(String version, String goos, String goarch, String cmd)
            throws IOException, InterruptedException {
        String exe = goos.equals("windows") ? cmd + ".exe" : cmd;
        Path out = cache().resolve("bin").resolve("go" + version).resolve(goos + "-" + goarch).resolve(exe);
        if (Files.isRegularFile(out)) {
            return out;
        }
        Path gopath = Files.createDirectories(cache().resolve("gopath-" + version + "-" + goos + "-" + goarch));
        Map<String, String> env = env(cache().resolve("home"));
        env.put("GOPATH", gopath.toString());
        env.put("GOOS", goos);
        env.put("GOARCH", goarch);
        env.put("GOTOOLCHAIN", "local");
        run(List.of(goRoot(version).resolve("bin/go").toString(), "install", "-ldflags=-s -w", MODULE + "/cmd/" + cmd + "@v1.0.0"),
                env, cache());
        boolean cross = !(goos.equals("linux") && goarch.equals("amd64"));
        Path built = cross ? gopath.resolve("bin").resolve(goos + "_" + goarch).resolve(exe) : gopath.resolve("bin").resolve(exe);
        Files.createDirectories(out.getParent());
        Files.move(built, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** `go version -m FILE` of the real go: the oracle for what a binary's build information says. */
    public static String goVersionM(Path file) throws IOException, InterruptedException {
        return run(List.of(goRoot("1.23.5").resolve("bin/go").toString(), "version", "-m", file.toString()),
                env(cache().resolve("home")), cache());
    }

    public static String run(List<String> command, Map<String, String> env, Path dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(command + " failed:\n" + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
