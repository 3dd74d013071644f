package dev.gosetup.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.ReleaseList;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.RealBinaries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole Apple-silicon-like machine built in a folder: Go in every manager's place, with real VERSION
 * files and real binary headers, a PATH on which an old official Go shadows the chosen one, a broken
 * install, a GOTOOLCHAIN download. Nothing is run.
 */
class InventoryTest {
    @TempDir
    Path root;
    Path home;
    Path sdk;

    static void go(Path goRoot, String version, String binary) throws IOException {
        Files.createDirectories(goRoot);
        if (version != null) {
            Files.writeString(goRoot.resolve("VERSION"), version + "\ntime 2024-07-02T17:10:55Z\n");
        }
        if (binary != null) {
            RealBinaries.copy(binary, goRoot.resolve("bin/go"));
        }
        Files.createFile(goRoot.resolve(".unpacked-success")); // what golang.org/dl and gosetup write last
        Files.createDirectories(goRoot.resolve("src/fmt"));
        Files.writeString(goRoot.resolve("src/fmt/print.go"), "package fmt\n");
    }

    @BeforeEach
    void machine() throws IOException {
        home = Files.createDirectories(root.resolve("Users/dev"));
        sdk = home.resolve("sdk");
        go(sdk.resolve("go1.22.5"), "go1.22.5", RealBinaries.DARWIN_ARM64);
        go(sdk.resolve("go1.21.12"), "go1.21.12", RealBinaries.DARWIN_ARM64);
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        go(root.resolve("usr/local/go"), "go1.20.3", RealBinaries.DARWIN_AMD64);        // an old .pkg, Intel build
        go(root.resolve("opt/homebrew/Cellar/go@1.21/1.21.13/libexec"), "go1.21.13", RealBinaries.DARWIN_ARM64);
        go(root.resolve("usr/lib/go-1.19"), "go1.19.8", RealBinaries.LINUX_AMD64);
        go(home.resolve(".asdf/installs/golang/1.18.10/go"), "go1.18.10", RealBinaries.DARWIN_ARM64);
        go(home.resolve(".gvm/gos/go1.17"), "go1.17", null);                           // broken: no bin/go
        go(home.resolve("go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.0.darwin-arm64"), "go1.23.0", RealBinaries.DARWIN_ARM64);
        go(home.resolve(".local/share/mise/installs/go/1.22.4"), null, RealBinaries.DARWIN_ARM64); // no VERSION
    }

    Inventory inventory(String path) throws IOException {
        ReleaseList releases;
        try (InputStream in = Files.newInputStream(Fixtures.root().resolve("godl/golang-dl-include-all-2020.json"))) {
            releases = ReleaseList.parse(in, "fixture");
        }
        return new Inventory(root, home, Map.of("PATH", path), sdk, false, "arm64", releases, null);
    }

    @Test
    void findsEveryGoWithItsSourceVersionAndArchWithoutRunningAny() throws IOException {
        List<InventoryEntry> all = inventory("/usr/bin:/bin").scan();
        Map<Source, List<String>> bySource = all.stream().collect(Collectors.groupingBy(e -> e.install().source(),
                Collectors.mapping(e -> String.valueOf(e.install().version()), Collectors.toList())));
        assertThat(bySource).containsEntry(Source.SDK, List.of("go1.21.12", "go1.22.5")).containsEntry(Source.OFFICIAL, List.of("go1.20.3"))
                .containsEntry(Source.HOMEBREW, List.of("go1.21.13")).containsEntry(Source.DISTRO, List.of("go1.19.8"))
                .containsEntry(Source.ASDF, List.of("go1.18.10")).containsEntry(Source.GVM, List.of("go1.17"))
                .containsEntry(Source.TOOLCHAIN, List.of("go1.23.0")).containsEntry(Source.MISE, List.of("null"));
        InventoryEntry official = find(all, "usr/local/go");
        assertThat(official.install().platforms()).containsExactly("darwin-amd64");
        assertThat(official.warnings()).contains("amd64OnArm64");
        assertThat(find(all, ".gvm/gos/go1.17").warnings()).containsExactly("broken");
        assertThat(find(all, ".gvm/gos/go1.17").install().problem()).isEqualTo("no bin/go");
        assertThat(find(all, "sdk/go1.22.5").sdkActive()).isTrue();
        assertThat(find(all, "sdk/go1.21.12").sdkActive()).isFalse();
        assertThat(find(all, "usr/lib/go-1.19").install().platforms()).containsExactly("linux-amd64");
        assertThat(all).as("the ~/sdk/go link is the same install as go1.22.5, listed once").hasSize(9);
    }

    @Test
    void thePathDecidesWhichRunsAndWhoShadowsWhom() throws IOException {
        List<InventoryEntry> all = inventory("/usr/local/go/bin:/Users/dev/sdk/go/bin:/usr/bin").scan();
        InventoryEntry official = find(all, "usr/local/go");
        InventoryEntry chosen = find(all, "sdk/go1.22.5");
        assertThat(official.active()).isTrue();
        assertThat(official.onPath()).isZero();
        assertThat(chosen.active()).isFalse();
        assertThat(chosen.onPath()).isEqualTo(1);
        assertThat(chosen.shadowedBy()).isEqualTo(root.resolve("usr/local/go").toRealPath());
        assertThat(find(all, "usr/lib/go-1.19").onPath()).isEqualTo(-1);
    }

    @Test
    void aGoOnlyOnPathIsFoundThere() throws IOException {
        go(root.resolve("opt/tools/go-custom"), "go1.22.0", RealBinaries.LINUX_ARM64);
        List<InventoryEntry> all = inventory("/opt/tools/go-custom/bin").scan();
        InventoryEntry custom = find(all, "opt/tools/go-custom");
        assertThat(custom.install().source()).isEqualTo(Source.PATH);
        assertThat(custom.active()).isTrue();
        assertThat(custom.install().platforms()).containsExactly("linux-arm64");
    }

    @Test
    void supportStatusComesFromTheReleaseList() throws IOException {
        List<InventoryEntry> all = inventory("").scan();
        // the 2020 list knows 1.13 as its newest stable line: 1.18 is newer than the list, not "unsupported"
        assertThat(find(all, ".asdf/installs/golang/1.18.10/go").warnings()).doesNotContain("unsupported");
        go(root.resolve("opt/old/go"), "go1.11.4", RealBinaries.DARWIN_ARM64); // 1.13 and 1.12 are the supported lines there
        List<InventoryEntry> withOld = inventory("/opt/old/go/bin").scan();
        assertThat(find(withOld, "opt/old/go").warnings()).containsExactly("unsupported", "newerPatch");
        assertThat(find(all, ".gvm/gos/go1.17").warnings()).containsExactly("broken");
    }

    /**
     * A Go tree copied by hand or downloaded by an IDE into ~/sdk: VERSION and bin/go, no marker. It is an
     * installed version (its OS and arch read from the binary), the active one when ~/sdk/go points at it,
     * and `gosetup use` accepts it.
     */
    @Test
    void aGoTreeCopiedByHandIntoTheSdkIsAnInstalledVersion() throws IOException {
        Path copied = Files.createDirectories(sdk.resolve("go1.23.1"));
        Files.writeString(copied.resolve("VERSION"), "go1.23.1\ntime 2024-09-03T20:00:00Z\n");
        RealBinaries.copy(RealBinaries.DARWIN_ARM64, copied.resolve("bin/go"));
        Files.delete(sdk.resolve("go"));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.23.1"));
        InventoryEntry entry = find(inventory("").scan(), "sdk/go1.23.1");
        assertThat(entry.install().problem()).isNull();
        assertThat(entry.install().platforms()).containsExactly("darwin-arm64");
        assertThat(entry.warnings()).doesNotContain("broken", "unfinished");
        assertThat(entry.sdkActive()).isTrue();
        dev.gosetup.install.SdkRoot root = new dev.gosetup.install.SdkRoot(sdk);
        assertThat(root.isInstalled(dev.gosetup.release.GoVersion.parse("go1.23.1").orElseThrow())).isTrue();
        root.activate(dev.gosetup.release.GoVersion.parse("go1.21.12").orElseThrow());
        root.activate(dev.gosetup.release.GoVersion.parse("go1.23.1").orElseThrow());
        assertThat(Files.readSymbolicLink(sdk.resolve("go"))).isEqualTo(Path.of("go1.23.1"));
    }

    /** Only gosetup's own interrupted staging folder is an unfinished install; it is listed as such, not hidden. */
    @Test
    void anInterruptedStagingFolderIsTheOnlyUnfinishedInstall() throws IOException {
        Path staging = Files.createDirectories(sdk.resolve(".staging-go1.23.2-5f0c"));
        Files.writeString(staging.resolve("VERSION"), "go1.23.2\n");
        RealBinaries.copy(RealBinaries.DARWIN_ARM64, staging.resolve("bin/go"));
        List<InventoryEntry> all = inventory("").scan();
        InventoryEntry unfinished = find(all, ".staging-go1.23.2-5f0c");
        assertThat(unfinished.install().problem()).contains("unfinished");
        assertThat(unfinished.warnings()).containsExactly("unfinished");
        assertThat(all).filteredOn(e -> e.warnings().contains("unfinished")).hasSize(1);
    }

    /** No VERSION file in ~/sdk/goX.Y.Z: not a Go tree we can name; broken, whatever the marker says. */
    @Test
    void anSdkFolderWithoutBinGoIsBroken() throws IOException {
        Files.delete(sdk.resolve("go1.21.12/bin/go"));
        InventoryEntry broken = find(inventory("").scan(), "sdk/go1.21.12");
        assertThat(broken.install().problem()).isEqualTo("no bin/go");
        assertThat(broken.warnings()).containsExactly("broken");
    }

    /** Only an install without VERSION, built for this machine, is asked: the real Go 1.19.8's own `go version`. */
    @Test
    void withoutVersionFileTheRealGoIsAskedAndOnlyThen() throws Exception {
        Path mise = home.resolve(".local/share/mise/installs/go/1.19.8");
        Path go = Files.createDirectories(mise.resolve("bin")).resolve("go");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(
                        Files.newInputStream(dev.gosetup.testing.GoMirror.dir().resolve(dev.gosetup.testing.GoMirror.FILE))))) {
            for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals("go/bin/go")) {
                    Files.copy(tar, go);
                    break;
                }
            }
        }
        go.toFile().setExecutable(true);
        Files.createDirectories(mise.resolve("pkg/tool")); // how go finds its root from its own path
        ReleaseList none = null;
        List<InventoryEntry> all = new Inventory(root, home, Map.of("PATH", ""), sdk, false, "amd64", none, null, "linux-amd64").scan();
        assertThat(find(all, "mise/installs/go/1.19.8").install().version()).isEqualTo("go1.19.8");
        assertThat(find(all, "mise/installs/go/1.22.4").install().version()).as("a darwin binary is never run here").isNull();
    }

    @Test
    void sizesAreMeasuredOnceAndRememberedUntilTheInstallChanges() throws IOException {
        SizeCache cache = new SizeCache(root.resolve("cache/sizes.json"));
        Path r = sdk.resolve("go1.22.5");
        long first = cache.size(r);
        assertThat(first).isEqualTo(SizeCache.measure(r)).isPositive();
        cache.save();
        Files.writeString(r.resolve("src/fmt/extra.go"), "package fmt // 30 bytes more\n");
        assertThat(new SizeCache(root.resolve("cache/sizes.json")).size(r)).as("remembered: VERSION and bin/go unchanged").isEqualTo(first);
        Files.writeString(r.resolve("VERSION"), "go1.22.5\ntime 2024-07-03T00:00:00Z\n");
        Files.setLastModifiedTime(r.resolve("VERSION"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(new SizeCache(root.resolve("cache/sizes.json")).size(r)).isGreaterThan(first);
    }

    static InventoryEntry find(List<InventoryEntry> all, String rootSuffix) {
        return all.stream().filter(e -> e.install().root().toString().endsWith(rootSuffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no install at " + rootSuffix + " in " + all));
    }
}
