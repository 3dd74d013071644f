package dev.gosetup.mirror.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.mirror.sumdb.NoteKey;
import dev.gosetup.mirror.sumdb.PrivateSumDb;
import dev.gosetup.mirror.sumdb.PublicSumDb;
import dev.gosetup.mirror.sumdb.TestSumDbs;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.testing.MultiGoMirror;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.StaticDirServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 5, for real: the toolchain layout and a private checksum database built from a real Go 1.23.5
 * archive, served over loopback HTTP; the real go 1.21.13, in a module whose toolchain line asks for go1.23.5, with
 * GOTOOLCHAIN=auto and exactly what {@code mirror client-env} prints, downloads go1.23.5 from the mirror, checks it
 * against the private database and runs it. A zip changed by one byte (validly re-zipped, re-served) then gives Go's
 * SECURITY ERROR with a fresh module cache.
 */
@RunsLinuxAmd64Go
class RealGoToolchainSwitchTest {
    @TempDir
    Path tmp;

    @Test
    void oldGoSwitchesToTheMirroredToolchainAndRefusesATamperedOne() throws Exception {
        Path archives = MultiGoMirror.dir();
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        ArchiveInput newer = new ArchiveInput(archives.resolve("go1.23.5.linux-amd64.tar.gz"),
                GoVersion.parse("go1.23.5").orElseThrow(), new Platform("linux", "amd64"));
        ToolchainProxy.Written written = ToolchainProxy.write(mirror, List.of(newer),
                new SumDbMode.Private(tmp.resolve("sumdb.key"), "sumdb.test.invalid"), ProgressListener.NONE);
        assertThat(written.built()).containsExactly("v0.0.1-go1.23.5.linux-amd64");
        assertThat(ToolchainProxy.verify(mirror)).isEmpty();

        Path oldGo = unpack(archives.resolve("go1.21.13.linux-amd64.tar.gz"), tmp.resolve("go121"));
        Path module = Files.createDirectories(tmp.resolve("hello"));
        Files.writeString(module.resolve("go.mod"), "module example.com/hello\n\ngo 1.21\n\ntoolchain go1.23.5\n");

        try (StaticDirServer server = new StaticDirServer(mirror)) {
            Map<String, String> clientEnv = ClientSettings.of(ProxyManifest.read(mirror), server.url() + "/", List.of(), "auto");
            assertThat(clientEnv.get("GOSUMDB")).startsWith("sumdb.test.invalid+").endsWith(server.url() + "/sumdb/sumdb.test.invalid");

            Run ok = goVersion(oldGo, module, clientEnv, tmp.resolve("client1"));
            assertThat(ok.exit).as(ok.output).isZero();
            assertThat(ok.output).contains("go version go1.23.5 linux/amd64");
            assertThat(server.requested).contains("/golang.org/toolchain/@v/v0.0.1-go1.23.5.linux-amd64.zip",
                    "/sumdb/sumdb.test.invalid/lookup/golang.org/toolchain@v0.0.1-go1.23.5.linux-amd64");

            proxiedPublicDatabaseIsTakenThroughTheMirror(mirror, oldGo, module);

            Path zip = ToolchainModule.folder(mirror).resolve("v0.0.1-go1.23.5.linux-amd64.zip");
            changeOneByte(zip);
            assertThat(ToolchainProxy.verify(mirror)).extracting(p -> p.key()).containsExactly("mirror.toolchain.zipDiffers");

            Run refused = goVersion(oldGo, module, clientEnv, tmp.resolve("client2"));
            assertThat(refused.exit).as(refused.output).isNotZero();
            assertThat(refused.output).contains("SECURITY ERROR").doesNotContain("go version go1.23.5");
        }
    }

    /**
     * The other mode, with the same zip: a "public" database (generated here under a test key, 600 other records
     * around ours so the proof spans several tiles) is mirrored through the sumdb-proxy protocol; the client sets
     * GOPROXY and only the database's key (for sum.golang.org it would set nothing), and go reaches the database
     * through {@code <mirror>/sumdb/NAME/…}.
     */
    private void proxiedPublicDatabaseIsTakenThroughTheMirror(Path privateMirror, Path oldGo, Path module) throws Exception {
        ProxyManifest built = ProxyManifest.read(privateMirror);
        ProxyManifest.Module toolchain = built.modules().getFirst();
        NoteKey publicKey = NoteKey.generate("sum.test.invalid");
        Path upstream = tmp.resolve("upstream");
        PrivateSumDb db = PrivateSumDb.open(upstream, publicKey);
        for (int i = 0; i < 600; i++) {
            db.add("example.com/m" + i, "v1.0.0", "h1:m" + i + "=", "h1:g" + i + "=");
            if (i == 300) {
                db.add(ToolchainModule.PATH, toolchain.version(), toolchain.zipHash(), toolchain.goModHash());
            }
        }
        db.publish();

        Path mirror = tmp.resolve("public-mirror");
        Path v = Files.createDirectories(ToolchainModule.folder(mirror));
        try (var files = Files.list(ToolchainModule.folder(privateMirror))) {
            for (Path f : files.toList()) {
                Files.copy(f, v.resolve(f.getFileName()));
            }
        }
        // the zip is already built: the manifest says so, and the build keeps it (its bytes match)
        new ProxyManifest(new ProxyManifest.SumDb(publicKey.name(), publicKey.verifierKey(), true), built.modules()).write(mirror);

        try (StaticDirServer upstreamServer = new StaticDirServer(PrivateSumDb.folder(upstream, publicKey.name()))) {
            PublicSumDb pub = TestSumDbs.publicAt(publicKey.verifierOnly(), java.net.URI.create(upstreamServer.url() + "/"));
            ToolchainProxy.Written written = ToolchainProxy.write(mirror, List.of(new ArchiveInput(
                    MultiGoMirror.dir().resolve("go1.23.5.linux-amd64.tar.gz"), GoVersion.parse("go1.23.5").orElseThrow(),
                    new Platform("linux", "amd64"))), new SumDbMode.Public(pub), ProgressListener.NONE);
            assertThat(written.kept()).containsExactly(toolchain.version());
            assertThat(written.refused()).isEmpty();
        }
        assertThat(ToolchainProxy.verify(mirror)).isEmpty();
        try (StaticDirServer server = new StaticDirServer(mirror)) {
            Map<String, String> clientEnv = ClientSettings.of(ProxyManifest.read(mirror), server.url(), List.of(), null);
            assertThat(clientEnv.get("GOSUMDB")).isEqualTo(publicKey.verifierKey()); // no URL: through the proxy
            Run ok = goVersion(oldGo, module, clientEnv, tmp.resolve("client-public"));
            assertThat(ok.exit).as(ok.output).isZero();
            assertThat(ok.output).contains("go version go1.23.5 linux/amd64");
            assertThat(server.requested).contains("/sumdb/sum.test.invalid/supported",
                    "/sumdb/sum.test.invalid/lookup/golang.org/toolchain@v0.0.1-go1.23.5.linux-amd64");
        }
    }

    private record Run(int exit, String output) {}

    /** `go version` in the module, with nothing from this machine's Go setup: a fresh home, caches and GOPATH. */
    private static Run goVersion(Path goRoot, Path module, Map<String, String> clientEnv, Path client) throws Exception {
        Files.createDirectories(client);
        ProcessBuilder pb = new ProcessBuilder(goRoot.resolve("bin/go").toString(), "version").directory(module.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", client.resolve("home").toString());
        env.put("GOPATH", client.resolve("gopath").toString());
        env.put("GOMODCACHE", client.resolve("modcache").toString());
        env.put("GOCACHE", client.resolve("gocache").toString());
        env.put("GOFLAGS", "");
        env.put("GOTOOLCHAIN", "auto");
        env.put("GOTELEMETRY", "off");
        env.putAll(clientEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        makeWritable(client); // the module cache is read-only, as Go leaves it; @TempDir must be able to delete it
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Path unpack(Path archive, Path into) throws Exception {
        Files.createDirectories(into);
        Process p = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return into.resolve("go");
    }

    /** A valid zip again, with one byte of one file changed: what a compromised mirror or a bad disk could serve. */
    private static void changeOneByte(Path zip) throws IOException {
        Path changed = zip.resolveSibling("changed.zip");
        try (ZipFile in = ZipFile.builder().setPath(zip).get(); ZipArchiveOutputStream out = new ZipArchiveOutputStream(changed)) {
            boolean done = false;
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                byte[] content;
                try (InputStream s = in.getInputStream(e)) {
                    content = s.readAllBytes();
                }
                if (!done && e.getName().endsWith("/src/cmd/go/main.go")) {
                    content[content.length - 2] ^= 0x01;
                    done = true;
                }
                ZipArchiveEntry copy = new ZipArchiveEntry(e.getName());
                copy.setUnixMode(e.getUnixMode());
                copy.setTime(e.getTime());
                out.putArchiveEntry(copy);
                out.write(content);
                out.closeArchiveEntry();
            }
            assertThat(done).isTrue();
        }
        Files.move(changed, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void makeWritable(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.toList());
            for (Path p : all) {
                p.toFile().setWritable(true, true);
            }
        }
    }
}
