package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.doctor.Finding.Status;
import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.inventory.GoInstall;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.Source;
import dev.gosetup.shell.BlockEditor;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each health check with a passing and a failing case, on real host captures and real folders. */
class ChecksTest {
    @TempDir
    Path tmp;
    Path home;
    Path chosenRoot;
    Path officialRoot;
    HostInfo m2;
    HostInfo m2UnderRosetta;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        chosenRoot = Files.createDirectories(home.resolve("sdk/go1.22.5"));
        officialRoot = Files.createDirectories(tmp.resolve("usr/local/go"));
        m2 = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.mac("arm64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt")).writeTo(tmp.resolve("m2"))));
        m2UnderRosetta = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.mac("x86_64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt") + "sysctl.proc_translated: 1\n").writeTo(tmp.resolve("m2r"))));
    }

    InventoryEntry chosen(int onPath, boolean active) {
        return new InventoryEntry(new GoInstall(chosenRoot, "go1.22.5", List.of("darwin-arm64"), Source.SDK, null),
                onPath, active, active ? null : officialRoot, true, -1, List.of());
    }

    InventoryEntry official(int onPath, boolean active) {
        return new InventoryEntry(new GoInstall(officialRoot, "go1.20.3", List.of("darwin-amd64"), Source.OFFICIAL, null),
                onPath, active, null, false, -1, List.of("amd64OnArm64"));
    }

    DoctorInput input(Map<String, String> env, List<InventoryEntry> inventory) {
        return input(env, inventory, Map.of(), Map.of(), null, m2, "/usr/bin/clang");
    }

    DoctorInput input(Map<String, String> env, List<InventoryEntry> inventory, Map<String, String> goEnvFile,
                      Map<Path, byte[]> startup, String goModToolchain, HostInfo host, String cc) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("PATH", chosenRoot + "/bin:" + home + "/go/bin:/usr/bin");
        return new DoctorInput(e, inventory, host, home, home.resolve("sdk"), goEnvFile, goModToolchain, startup, cc, "mac", false);
    }

    static Finding find(List<Finding> all, String id) {
        return all.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    List<Finding> healthy() {
        return Checks.run(input(Map.of(), List.of(chosen(0, true))));
    }

    @Test
    void aHealthyMachinePassesEveryCheck() {
        assertThat(healthy()).allSatisfy(f -> assertThat(f.status()).as(f.id()).isEqualTo(Status.OK));
    }

    @Test
    void noGoOnPathFailsAndOffersTheEnvironmentFix() {
        Finding f = find(Checks.run(input(Map.of(), List.of(chosen(-1, false)))), "go-on-path");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.fix()).isEqualTo(Finding.Fix.APPLY_ENV);
        assertThat(find(Checks.run(input(Map.of(), List.of())), "go-on-path").fix()).as("nothing installed: install first").isNull();
    }

    @Test
    void anotherGoFirstOnPathIsExplainedWithThePathOrderAndWhoAddedIt() {
        Map<Path, byte[]> startup = Map.of(home.resolve(".zprofile"),
                ("export PATH=" + officialRoot + "/bin:$PATH\n").getBytes(StandardCharsets.UTF_8));
        List<Finding> all = Checks.run(input(Map.of(), List.of(official(0, true), chosen(1, false)), Map.of(), startup, null, m2, "cc"));
        Finding f = find(all, "path-order");
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.arg(3)).contains("1. " + officialRoot + "/bin (.zprofile:1)").contains("2. " + chosenRoot + "/bin");
        assertThat(find(all, "amd64-go").status()).isEqualTo(Status.WARN);
        assertThat(find(healthy(), "amd64-go").status()).isEqualTo(Status.OK);
    }

    @Test
    void thisAppUnderRosettaIsReported() {
        assertThat(find(Checks.run(input(Map.of(), List.of(chosen(0, true)), Map.of(), Map.of(), null, m2UnderRosetta, "cc")),
                "app-translated").status()).isEqualTo(Status.WARN);
    }

    @Test
    void gorootPointingElsewhereFailsAndGopathInsideGorootFails() {
        assertThat(find(Checks.run(input(Map.of("GOROOT", officialRoot.toString()), List.of(chosen(0, true)))), "goroot").status())
                .isEqualTo(Status.FAIL);
        assertThat(find(Checks.run(input(Map.of("GOROOT", chosenRoot.toString()), List.of(chosen(0, true)))), "goroot").status())
                .isEqualTo(Status.OK);
        assertThat(find(Checks.run(input(Map.of("GOPATH", chosenRoot.resolve("gopath").toString()), List.of(chosen(0, true)))),
                "gopath-in-goroot").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aDamagedWindowsPathIsNamedAndTheOtherChecksStillRun() throws Exception {
        // A real Windows PATH with a stray quote (src/test/fixtures/platform, winpython#1493) and a trailing space.
        String captured = java.nio.file.Files.readAllLines(dev.gosetup.testing.Fixtures.platform().resolve("windows_path_stray-quote_winpython1493.txt")).get(1);
        Map<String, String> env = Map.of("Path", "C:\\Program Files \\Go\\bin;C:\\what?;" + captured);
        DoctorInput windows = new DoctorInput(env, List.of(chosen(0, true)), m2, home, home.resolve("sdk"), Map.of(), null, Map.of(), "cc",
                "windows", false);
        List<Finding> all = Checks.run(windows);
        Finding f = find(all, "path-entries");
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.args().get(0).toString()).contains("C:\\what?").contains("d:\\aa\"").doesNotContain("Program Files");
        assertThat(all).extracting(Finding::id).contains("gopath-bin", "goproxy");
        assertThat(find(Checks.run(input(Map.of(), List.of(chosen(0, true)))), "path-entries").status()).isEqualTo(Status.OK);
    }

    @Test
    void gopathBinMissingFromPathIsAWarningWithAFix() {
        Finding f = find(Checks.run(input(Map.of("PATH", chosenRoot + "/bin:/usr/bin"), List.of(chosen(0, true)))), "gopath-bin");
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.args()).containsExactly(home.resolve("go/bin").toString());
    }

    @Test
    void moduleAndToolchainSettingsFromTheEnvironmentOrGosEnvFile() {
        assertThat(find(Checks.run(input(Map.of(), List.of(chosen(0, true)), Map.of("GO111MODULE", "off"), Map.of(), null, m2, "cc")),
                "go111module").args()).containsExactly("go env -w GO111MODULE");
        Finding pinned = find(Checks.run(input(Map.of("GOTOOLCHAIN", "go1.23.0"), List.of(chosen(0, true)))), "gotoolchain");
        assertThat(pinned.status()).isEqualTo(Status.WARN);
        assertThat(pinned.args()).containsExactly("go1.23.0", "$GOTOOLCHAIN");
        Finding mod = find(Checks.run(input(Map.of(), List.of(chosen(0, true)), Map.of(), Map.of(), "go1.23.2", m2, "cc")), "gotoolchain");
        assertThat(mod.key()).isEqualTo("doctor.goModToolchain");
        Finding sumdb = find(Checks.run(input(Map.of("GOSUMDB", "off"), List.of(chosen(0, true)), Map.of(), Map.of(), "go1.23.2", m2, "cc")),
                "gotoolchain");
        assertThat(sumdb.status()).isEqualTo(Status.FAIL);
        assertThat(find(Checks.run(input(Map.of("GOTOOLCHAIN", "local"), List.of(chosen(0, true)))), "gotoolchain").status()).isEqualTo(Status.OK);
    }

    /** Toolchain switching said in plain words, and its classic surprises (helper F, projects). */
    @Test
    void switchingExplainedAndItsSurprisesFlagged() {
        Finding old = find(Checks.run(input(Map.of(), List.of(official(0, true)))), "toolchain-switching");
        assertThat(old.key()).isEqualTo("doctor.switchingTooOld");
        assertThat(old.args()).containsExactly("go1.20.3");
        Finding goEnvW = find(Checks.run(input(Map.of(), List.of(chosen(0, true)), Map.of("GOTOOLCHAIN", "local"), Map.of(), null, m2, "cc")),
                "toolchain-switching");
        assertThat(goEnvW.key()).isEqualTo("doctor.gotoolchainGoEnvW");
        assertThat(goEnvW.status()).isEqualTo(Status.WARN);
        Finding path = find(Checks.run(input(Map.of("GOTOOLCHAIN", "path"), List.of(chosen(0, true)))), "toolchain-switching");
        assertThat(path.key()).isEqualTo("doctor.switching.path.ok");
        assertThat(path.args()).containsExactly("path", "$GOTOOLCHAIN");
        assertThat(find(Checks.run(input(Map.of("GOTOOLCHAIN", "go1.22.5+auto"), List.of(chosen(0, true)))), "toolchain-switching").key())
                .isEqualTo("doctor.switching.auto.ok");
        assertThat(find(Checks.run(input(Map.of("GOTOOLCHAIN", "bash"), List.of(chosen(0, true)))), "toolchain-switching").status())
                .isEqualTo(Status.FAIL);
        assertThat(find(Checks.run(input(Map.of(), List.of(chosen(0, true)))), "toolchain-switching").key()).isEqualTo("doctor.switching.default.ok");
    }

    @Test
    void goproxyOffFailsAndDirectWarns() {
        assertThat(find(Checks.run(input(Map.of("GOPROXY", "off"), List.of(chosen(0, true)))), "goproxy").status()).isEqualTo(Status.FAIL);
        assertThat(find(Checks.run(input(Map.of("GOPROXY", "direct"), List.of(chosen(0, true)))), "goproxy").status()).isEqualTo(Status.WARN);
        assertThat(find(Checks.run(input(Map.of("GOPROXY", "https://goproxy.cn,direct"), List.of(chosen(0, true)))), "goproxy").args())
                .containsExactly("https://goproxy.cn,direct");
        // a CRLF env file: go sees the CR, and so does the reader, without the terminal acting on it
        assertThat(find(Checks.run(input(Map.of("GOPROXY", "https://goproxy.cn,direct\r\u001b[2J"), List.of(chosen(0, true)))),
                "goproxy").args()).containsExactly("https://goproxy.cn,direct\\r\\u001B[2J");
    }

    @Test
    void noCCompilerWarnsWithTheMacCommand() {
        Finding f = find(Checks.run(input(Map.of(), List.of(chosen(0, true)), Map.of(), Map.of(), null, m2, null)), "cgo");
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.key()).isEqualTo("doctor.cgoMac");
    }

    @Test
    void crlfDamagedBlocksAndConflictingLinesInStartupFiles() {
        Map<Path, byte[]> startup = new LinkedHashMap<>();
        startup.put(home.resolve(".bashrc"), "export EDITOR=vim\r\nalias ll='ls -l'\r\n".getBytes(StandardCharsets.UTF_8));
        startup.put(home.resolve(".zshrc"), (BlockEditor.START + "\n. ~/x\n").getBytes(StandardCharsets.UTF_8));
        startup.put(home.resolve(".zprofile"), "export GOROOT=/usr/local/go\n".getBytes(StandardCharsets.UTF_8));
        List<Finding> all = Checks.run(input(Map.of(), List.of(chosen(0, true)), Map.of(), startup, null, m2, "cc"));
        assertThat(find(all, "crlf").status()).isEqualTo(Status.FAIL);
        assertThat(find(all, "crlf").fix()).isEqualTo(Finding.Fix.CRLF_TO_LF);
        assertThat(find(all, "startup-block").status()).isEqualTo(Status.FAIL);
        assertThat(find(all, "startup-block").arg(0)).endsWith(".zshrc");
        assertThat(find(all, "startup-block").key()).isEqualTo("doctor.startupBlock");
        assertThat(find(all, "startup-block").arg(1)).isEqualTo("1");
        Finding conflicts = find(all, "conflicts");
        assertThat(conflicts.status()).isEqualTo(Status.WARN);
        assertThat(conflicts.arg(0)).contains(".zprofile:1  export GOROOT=/usr/local/go");
        assertThat(conflicts.fix()).isEqualTo(Finding.Fix.APPLY_ENV_DISABLE_CONFLICTS);
    }

    @Test
    void aWindowsGoFirstOnPathUnderWslFails() throws Exception {
        HostInfo wsl = new HostDetector().detect(new SnapshotHostSource(SnapshotBuilder.linux("x86_64")
                .env("WSL_DISTRO_NAME", "Ubuntu").env("WSL_INTEROP", "/run/WSL/1_interop")
                .writeTo(tmp.resolve("wsl"))));
        assertThat(wsl.wsl()).isNotNull();
        InventoryEntry windowsGo = new InventoryEntry(new GoInstall(Path.of("/mnt/c/Program Files/Go"), "go1.22.5",
                List.of("windows-amd64"), Source.WSL_WINDOWS, null), 0, true, null, false, -1, List.of());
        List<Finding> all = Checks.run(input(Map.of(), List.of(windowsGo, chosen(1, false)), Map.of(), Map.of(), null, wsl, "cc"));
        assertThat(find(all, "wsl-windows-go").status()).isEqualTo(Status.FAIL);
        List<Finding> linuxFirst = Checks.run(input(Map.of(), List.of(chosen(0, true), windowsGo), Map.of(), Map.of(), null, wsl, "cc"));
        assertThat(find(linuxFirst, "wsl-windows-go").status()).isEqualTo(Status.OK);
        assertThat(find(healthy(), "path-order").status()).isEqualTo(Status.OK);
        assertThat(healthy()).noneMatch(f -> f.id().equals("wsl-windows-go")); // not WSL: not asked
    }

    @Test
    void pathsDGoOnAMacIsExplained() {
        DoctorInput withPathsD = new DoctorInput(Map.of("PATH", chosenRoot + "/bin:" + home + "/go/bin"), List.of(chosen(0, true)),
                m2, home, home.resolve("sdk"), Map.of(), null, Map.of(), "cc", "mac", true);
        assertThat(find(Checks.run(withPathsD), "paths-d").status()).isEqualTo(Status.WARN);
        assertThat(find(healthy(), "paths-d").status()).isEqualTo(Status.OK);
    }

    @Test
    void everyFindingHasItsWordsInBothLanguages() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/dev/gosetup/i18n/messages.properties");
             var b = getClass().getResourceAsStream("/dev/gosetup/i18n/messages_zh_CN.properties")) {
            en.load(new java.io.InputStreamReader(a, StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, StandardCharsets.UTF_8));
        }
        List<String> keys = List.of("doctor.goOnPath", "doctor.goOnPath.ok", "doctor.pathOrder", "doctor.pathOrder.ok", "doctor.amd64Go",
                "doctor.amd64Go.ok", "doctor.appTranslated", "doctor.appTranslated.ok", "doctor.goroot", "doctor.goroot.ok",
                "doctor.gopathInGoroot", "doctor.gopathInGoroot.ok", "doctor.gopathBin", "doctor.gopathBin.ok", "doctor.go111module",
                "doctor.go111module.ok", "doctor.gotoolchain", "doctor.gotoolchain.ok", "doctor.goModToolchain", "doctor.gosumdbOff",
                "doctor.goproxyOff", "doctor.goproxyDirect", "doctor.goproxy.ok", "doctor.cgo", "doctor.cgoMac", "doctor.cgo.ok",
                "doctor.wslWindowsGo", "doctor.wslWindowsGo.ok", "doctor.crlf", "doctor.crlf.ok", "doctor.pathsD", "doctor.pathsD.ok",
                "doctor.startupBlock", "doctor.startupBlock.ok", "doctor.conflicts", "doctor.conflicts.ok", "doctor.switchingTooOld",
                "doctor.gotoolchainGoEnvW", "doctor.switchingInvalid", "doctor.switching.default.ok", "doctor.switching.path.ok",
                "doctor.switching.auto.ok", "doctor.switching.local.ok");
        for (String k : keys) {
            for (String part : new String[] {".title", ".detail"}) {
                assertThat(en).containsKey(k + part);
                assertThat(zh).containsKey(k + part);
            }
        }
        for (Finding.Fix fix : Finding.Fix.values()) {
            assertThat(en).containsKey("doctor.fix." + fix.name());
        }
    }
}
