package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.inventory.GoInstall;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.Source;
import dev.gosetup.release.GoVersion;
import dev.gosetup.testing.BuildsWithLinuxAmd64Go;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.GoToolBuilds;
import dev.gosetup.testing.SnapshotBuilder;
import dev.gosetup.tools.GoBinDirs;
import dev.gosetup.tools.ToolScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The architecture doctor on an M2 Mac (real sysctl capture, also with gosetup itself under Rosetta) and an arm64
 * Linux server (real /proc/cpuinfo of a Graviton), judging real darwin and linux Go binaries built here.
 */
@BuildsWithLinuxAmd64Go
class ArchitectureFindingsTest {
    @TempDir
    Path tmp;
    HostInfo m2;
    HostInfo m2UnderRosetta;
    HostInfo graviton;
    Path bin;

    @BeforeEach
    void setUp() throws Exception {
        m2 = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.mac("arm64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt")).writeTo(tmp.resolve("m2"))));
        m2UnderRosetta = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.mac("x86_64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt") + "sysctl.proc_translated: 1\n").writeTo(tmp.resolve("m2r"))));
        graviton = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.linux("aarch64")
                .file("/proc/cpuinfo", Fixtures.capture("cpuinfo_aws-graviton3_neoverse-v1.txt")).writeTo(tmp.resolve("g3"))));
        bin = Files.createDirectories(tmp.resolve("home/go/bin"));
    }

    InventoryEntry install(String root, String version, String platform, boolean active) throws Exception {
        return new InventoryEntry(new GoInstall(Files.createDirectories(tmp.resolve(root)), version, List.of(platform),
                active ? Source.SDK : Source.OFFICIAL, null), active ? 0 : 1, active, null, active, -1, List.of());
    }

    ToolScan.Result scan(HostInfo host) {
        return ToolScan.scan(GoBinDirs.resolve(Map.of(), "mac", tmp.resolve("home"), null), GoVersion.parse("go1.23.5").orElseThrow(),
                host.arch(), null);
    }

    @Test
    void anAmd64DelveOnAnM2MacIsTheClassic() throws Exception {
        Files.copy(GoToolBuilds.build("1.21.13", "darwin", "amd64", "dlv"), bin.resolve("dlv"));
        Files.copy(GoToolBuilds.build("1.23.5", "darwin", "arm64", "hello"), bin.resolve("hello"));
        List<InventoryEntry> inventory = List.of(install("home/sdk/go1.23.5", "go1.23.5", "darwin-arm64", true),
                install("usr/local/go", "go1.21.13", "darwin-amd64", false));

        for (HostInfo host : List.of(m2, m2UnderRosetta)) {
            assertThat(host.arch()).as("the native CPU, seen through Rosetta").isEqualTo("arm64");
            List<Finding> findings = ArchitectureFindings.of(host, inventory, scan(host));

            assertThat(findings).extracting(Finding::id).containsExactly("wrong-arch-go-go1.21.13", "wrong-arch-tool-dlv");
            Finding go = findings.get(0);
            assertThat(go.key()).isEqualTo("doctor.archGo.translated");
            assertThat(go.status()).isEqualTo(Finding.Status.WARN);
            Finding dlv = findings.get(1);
            assertThat(dlv.key()).isEqualTo("doctor.archTool.dlv");
            assertThat(dlv.fix()).isEqualTo(Finding.Fix.REBUILD_TOOL);
            assertThat(dlv.arg(ArchitectureFindings.ARG_FILE)).isEqualTo(bin.resolve("dlv").toString());
            assertThat(dlv.arg(ArchitectureFindings.ARG_ACTIVE_ROOT)).isEqualTo(tmp.resolve("home/sdk/go1.23.5").toString());
            String en = Messages.of(Language.ENGLISH).get(dlv.key() + ".detail", dlv.args().toArray());
            assertThat(en).contains("can not run under Rosetta, check that the installed build of Go is right for your CPU architecture")
                    .contains("go install example.com/hello/cmd/dlv@v1.0.0").contains("go1.23.5");
            assertThat(Messages.of(Language.SIMPLIFIED_CHINESE).get(dlv.key() + ".title", dlv.args().toArray()))
                    .contains("amd64").contains("arm64").contains(bin.resolve("dlv").toString());
            assertThat(Messages.of(Language.SIMPLIFIED_CHINESE).get(go.key() + ".detail", go.args().toArray()))
                    .contains("gosetup install go1.21.13");
        }
    }

    @Test
    void withAnAmd64ActiveGoTheToolWaitsForANativeGo() throws Exception {
        Files.copy(GoToolBuilds.build("1.23.5", "darwin", "amd64", "hello"), bin.resolve("gopls"));
        List<InventoryEntry> inventory = List.of(install("usr/local/go", "go1.23.5", "darwin-amd64", true));

        List<Finding> findings = ArchitectureFindings.of(m2, inventory, scan(m2));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("doctor.archTool.goFirst");
            assertThat(f.fix()).as("rebuilding with an amd64 Go gives amd64 again").isNull();
        });
    }

    @Test
    void anAmd64ToolOnArm64LinuxCannotRunAtAll() throws Exception {
        Files.copy(GoToolBuilds.build("1.23.5", "linux", "amd64", "hello"), bin.resolve("staticcheck"));
        Files.copy(GoToolBuilds.build("1.21.13", "linux", "arm64", "hello"), bin.resolve("hello"));
        List<InventoryEntry> inventory = List.of(install("home/sdk/go1.23.5", "go1.23.5", "linux-arm64", true));

        List<Finding> findings = ArchitectureFindings.of(graviton, inventory, scan(graviton));

        assertThat(graviton.arch()).isEqualTo("arm64");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("doctor.archTool.cannotRun");
            assertThat(f.fix()).isEqualTo(Finding.Fix.REBUILD_TOOL);
            assertThat(Messages.of(Language.ENGLISH).get(f.key() + ".detail", f.args().toArray())).contains("exec format error");
        });
    }

    @Test
    void nativeToolsAndInstallsAreOneOkFinding() throws Exception {
        Files.copy(GoToolBuilds.build("1.23.5", "darwin", "arm64", "hello"), bin.resolve("hello"));
        List<Finding> findings = ArchitectureFindings.of(m2, List.of(install("home/sdk/go1.23.5", "go1.23.5", "darwin-arm64", true)),
                scan(m2));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Finding.Status.OK);
            assertThat(Messages.of(Language.SIMPLIFIED_CHINESE).get(f.key() + ".title", f.args().toArray())).contains("arm64");
        });
    }

    /** The fix the finding offers runs the real go install of the active Go (here a real linux-amd64 Go 1.23). */
    @Test
    void theFixRebuildsTheToolWithTheActiveGo() throws Exception {
        Path dlv = Files.copy(GoToolBuilds.build("1.21.13", "darwin", "amd64", "dlv"), bin.resolve("dlv"));
        Path activeRoot = GoToolBuilds.goRoot("1.23.5");
        InventoryEntry active = new InventoryEntry(new GoInstall(activeRoot, "go1.23.5", List.of("darwin-arm64"), Source.SDK, null),
                0, true, null, true, -1, List.of());
        Finding finding = ArchitectureFindings.of(m2, List.of(active), scan(m2)).getFirst();
        assertThat(finding.fix()).isEqualTo(Finding.Fix.REBUILD_TOOL);

        Path written = DoctorFixes.rebuildTool(finding, GoToolBuilds.env(Files.createDirectories(tmp.resolve("gohome"))));

        assertThat(written).isEqualTo(dlv);
        assertThat(GoToolBuilds.goVersionM(dlv)).startsWith(dlv + ": go1.23.5\n").contains("\tpath\t" + GoToolBuilds.DLV + "\n")
                .contains("\tbuild\tGOOS=linux\n"); // the active Go builds for the machine it runs on
    }
}
