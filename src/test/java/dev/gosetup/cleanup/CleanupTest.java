package dev.gosetup.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoVersion;
import dev.gosetup.testing.MultiGoMirror;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.TrustedTempDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Cleanup on a real install root: a real Go 1.19.8 (from the MultiGoMirror cache) is active and has built a
 * program whose dependency came from a local file GOPROXY, so the build cache and the (read-only) module cache
 * are real; beside it an unneeded version, a version a project needs, an interrupted staging folder, a
 * .partial download, and things gosetup did not make. Sizes are compared with what find(1) counts.
 */
@RunsLinuxAmd64Go
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CleanupTest {
    static Path base;
    static SdkRoot sdk;
    static Map<String, String> env;

    @BeforeAll
    static void machine() throws Exception {
        base = TrustedTempDir.create("cleanup");
        Path root = base.resolve("sdk");
        Path go = root.resolve("go1.19.8");
        Files.createDirectories(go);
        run(base, Map.of(), "tar", "-xzf", MultiGoMirror.dir().resolve("go1.19.8.linux-amd64.tar.gz").toString(), "-C", go.toString(),
                "--strip-components=1");
        Files.createFile(go.resolve(SdkRoot.MARKER));
        Files.createSymbolicLink(root.resolve("go"), Path.of("go1.19.8"));
        for (String v : List.of("go1.21.13", "go1.22.12")) {
            Files.createDirectories(root.resolve(v).resolve("bin"));
            Files.write(root.resolve(v).resolve("bin/go"), new byte[123_456]);
            Files.createFile(root.resolve(v).resolve(SdkRoot.MARKER));
        }
        Path staging = Files.createDirectories(root.resolve(".staging-go1.23.5-0b6d"));
        Files.writeString(staging.resolve(".gosetup-made"), "Made by Go Setup Assistant (gosetup).\n");
        Files.write(staging.resolve("half.a"), new byte[70_000]);
        Files.createDirectories(root.resolve(".staging-notes")); // a user's folder with one of our names: not ours
        Files.writeString(root.resolve("notes.txt"), "mine");
        Files.createDirectories(root.resolve(".downloads"));
        Files.write(root.resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial"), new byte[50_000]);
        Files.writeString(root.resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial.validator"), "\"etag\"");
        Files.write(root.resolve(".downloads/go1.22.12.linux-amd64.tar.gz"), new byte[10]); // a kept archive: explained, kept
        sdk = new SdkRoot(root);

        env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", base.resolve("home").toString());
        env.put("GOPATH", base.resolve("gopath").toString());
        env.put("GOCACHE", base.resolve("gocache").toString());
        env.put("GOMODCACHE", base.resolve("modcache").toString());
        env.put("GOPROXY", base.resolve("proxy").toUri().toString());
        env.put("GOSUMDB", "off");
        env.put("GOFLAGS", "-mod=mod");
        env.put("GOTOOLCHAIN", "local");
        env.put("CGO_ENABLED", "0");
        writeModuleProxy(base.resolve("proxy"));
        Path app = Files.createDirectories(base.resolve("app"));
        Files.writeString(app.resolve("go.mod"), "module example.com/app\n\ngo 1.19\n\nrequire example.com/hello v1.0.0\n");
        Files.writeString(app.resolve("main.go"), "package main\n\nimport \"example.com/hello\"\n\nfunc main() { println(hello.Greeting()) }\n");
        run(app, env, go.resolve("bin/go").toString(), "build", "-o", base.resolve("app-bin").toString(), ".");
        assertThat(run(base, env, base.resolve("app-bin").toString())).contains("hello from a local proxy");
    }

    /** example.com/hello v1.0.0 in the module proxy layout (list, .info, .mod, .zip), as GOPROXY=file:// reads it. */
    static void writeModuleProxy(Path proxy) throws IOException {
        Path v = Files.createDirectories(proxy.resolve("example.com/hello/@v"));
        Files.writeString(v.resolve("list"), "v1.0.0\n");
        Files.writeString(v.resolve("v1.0.0.info"), "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}\n");
        Files.writeString(v.resolve("v1.0.0.mod"), "module example.com/hello\n\ngo 1.19\n");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("example.com/hello@v1.0.0/go.mod"));
            z.write("module example.com/hello\n\ngo 1.19\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("example.com/hello@v1.0.0/hello.go"));
            z.write("package hello\n\nfunc Greeting() string { return \"hello from a local proxy\" }\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.write(v.resolve("v1.0.0.zip"), zip.toByteArray());
    }

    static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (!env.isEmpty()) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }

    /** What find(1) counts: the apparent sizes of regular files and links, links not followed (as du -sb does for files). */
    static long findBytes(Path dir) throws Exception {
        String out = run(base, Map.of(), "find", dir.toString(), "(", "-type", "f", "-o", "-type", "l", ")", "-printf", "%s\\n");
        return out.lines().filter(l -> !l.isBlank()).mapToLong(Long::parseLong).sum();
    }

    @Test
    @Order(1)
    void theDryRunListsWhatCanGoWithSizesFindAgreesWith() throws Exception {
        Files.writeString(sdk.path().resolve(".gosetup-history.json"), "[]"); // the activation history rollback reads: ours
        Cleanup.Plan plan = new Cleanup(sdk, env).scan(Map.of(GoVersion.parse("go1.22.12").orElseThrow(), base.resolve("app")));

        assertThat(plan.of(Cleanup.Choice.VERSIONS)).extracting(Cleanup.Item::name).containsExactly("go1.21.13");
        assertThat(plan.bytes(Cleanup.Choice.VERSIONS)).isEqualTo(findBytes(sdk.path().resolve("go1.21.13")));
        assertThat(plan.kept()).containsEntry(GoVersion.parse("go1.19.8").orElseThrow(), "active")
                .containsEntry(GoVersion.parse("go1.22.12").orElseThrow(), base.resolve("app").toString());

        assertThat(plan.of(Cleanup.Choice.LEFTOVERS)).extracting(Cleanup.Item::name).containsExactlyInAnyOrder(
                ".staging-go1.23.5-0b6d", "go1.23.5.linux-amd64.tar.gz.partial", "go1.23.5.linux-amd64.tar.gz.partial.validator");
        assertThat(plan.bytes(Cleanup.Choice.LEFTOVERS)).isEqualTo(findBytes(sdk.path().resolve(".staging-go1.23.5-0b6d"))
                + 50_000 + "\"etag\"".length());

        Cleanup.Item build = plan.of(Cleanup.Choice.BUILD_CACHE).getFirst();
        assertThat(build.path()).isEqualTo(base.resolve("gocache"));
        assertThat(build.size().bytes()).isPositive().isEqualTo(findBytes(base.resolve("gocache")));
        Cleanup.Item mods = plan.of(Cleanup.Choice.MODULE_CACHE).getFirst();
        assertThat(mods.path()).isEqualTo(base.resolve("modcache"));
        assertThat(mods.size().bytes()).isPositive().isEqualTo(findBytes(base.resolve("modcache")));
        assertThat(mods.size().complete()).isTrue();

        assertThat(plan.notOurs()).containsExactlyInAnyOrder(sdk.path().resolve("notes.txt"), sdk.path().resolve(".staging-notes"));
    }

    @Test
    @Order(2)
    void aRunningInstallKeepsTheInstallRootUntouched() throws Exception {
        Cleanup cleanup = new Cleanup(sdk, env);
        Cleanup.Plan plan = cleanup.scan(Map.of());
        try (SdkRoot.Lock held = sdk.lock("install go1.23.5")) {
            List<Cleanup.Freed> freed = cleanup.free(plan, EnumSet.of(Cleanup.Choice.VERSIONS, Cleanup.Choice.LEFTOVERS));
            assertThat(freed).hasSize(2).allSatisfy(f -> {
                assertThat(f.problem()).isNotNull();
                assertThat(f.problem().key()).startsWith("sdk.refusal.busy");
                assertThat(f.done()).isEmpty();
            });
        }
        assertThat(sdk.path().resolve("go1.21.13")).isDirectory();
        assertThat(sdk.path().resolve("go1.22.12")).isDirectory();
        assertThat(sdk.path().resolve(".staging-go1.23.5-0b6d")).isDirectory();
    }

    @Test
    @Order(3)
    void freeingRemovesOnlyWhatWasListedAndGoCleansItsCaches() throws Exception {
        Cleanup cleanup = new Cleanup(sdk, env);
        Cleanup.Plan plan = cleanup.scan(Map.of(GoVersion.parse("go1.22.12").orElseThrow(), base.resolve("app")));
        long modBytes = plan.bytes(Cleanup.Choice.MODULE_CACHE);
        List<Cleanup.Freed> freed = cleanup.free(plan, EnumSet.allOf(Cleanup.Choice.class));

        assertThat(freed).allSatisfy(f -> assertThat(f.problem()).isNull());
        assertThat(sdk.path().resolve("go1.21.13")).doesNotExist();
        assertThat(sdk.path().resolve("go1.22.12")).as("needed by a project").isDirectory();
        assertThat(sdk.path().resolve("go1.19.8/bin/go")).as("active").isRegularFile();
        assertThat(sdk.path().resolve(".staging-go1.23.5-0b6d")).doesNotExist();
        assertThat(sdk.path().resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial")).doesNotExist();
        assertThat(sdk.path().resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial.validator")).doesNotExist();
        assertThat(sdk.path().resolve(".downloads/go1.22.12.linux-amd64.tar.gz")).as("a kept archive").exists();
        assertThat(sdk.path().resolve("notes.txt")).as("not ours").exists();
        assertThat(sdk.path().resolve(".staging-notes")).as("not ours").isDirectory();

        assertThat(findBytes(base.resolve("gocache"))).isLessThan(plan.bytes(Cleanup.Choice.BUILD_CACHE));
        assertThat(base.resolve("modcache").resolve("example.com")).as("go clean -modcache handled the read-only files").doesNotExist();
        assertThat(freed.stream().filter(f -> f.choice() == Cleanup.Choice.MODULE_CACHE).findFirst().orElseThrow().bytes())
                .isEqualTo(modBytes - (Files.exists(base.resolve("modcache")) ? findBytes(base.resolve("modcache")) : 0));

        Cleanup.Plan after = cleanup.scan(Map.of(GoVersion.parse("go1.22.12").orElseThrow(), base.resolve("app")));
        assertThat(after.of(Cleanup.Choice.VERSIONS)).isEmpty();
        assertThat(after.of(Cleanup.Choice.LEFTOVERS)).isEmpty();
    }

    @Test
    void sizesStopAtTheBoundAndDoNotFollowLinks() throws Exception {
        Path dir = Files.createDirectories(base.resolve("sized"));
        for (int i = 0; i < 20; i++) {
            Files.write(dir.resolve("f" + i), new byte[1000]);
        }
        Files.createSymbolicLink(dir.resolve("to-root"), Path.of("/"));
        TreeSize.Size all = TreeSize.of(dir);
        assertThat(all.bytes()).isEqualTo(findBytes(dir)).isLessThan(20_000 + 100);
        assertThat(all.complete()).isTrue();
        TreeSize.Size bounded = TreeSize.of(dir, 5);
        assertThat(bounded.complete()).isFalse();
        assertThat(bounded.bytes()).isLessThan(all.bytes());
    }
}
