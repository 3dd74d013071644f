package dev.gosetup.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.host.live.ThisMachine;
import dev.gosetup.host.snapshot.RecordingHostSource;
import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.host.snapshot.SnapshotWriter;
import dev.gosetup.testing.HasProblem;
import dev.gosetup.testing.SnapshotBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotHostSourceTest {
    @TempDir
    Path tmp;

    @Test
    void aReportOfThisMachineDetectsTheSameAsThisMachine() throws IOException {
        HostInfo live = new HostDetector().detect(ThisMachine.hostSource());
        RecordingHostSource recording = new RecordingHostSource(ThisMachine.hostSource());
        HostInfo recorded = new HostDetector().detect(recording);
        new SnapshotWriter().write(recording, tmp.resolve("report"));

        HostInfo fromReport = new HostDetector().detect(new SnapshotHostSource(tmp.resolve("report")));

        assertThat(recorded).isEqualTo(live);
        assertThat(fromReport).isEqualTo(live);
        assertThat(tmp.resolve("report/system.properties")).exists();
        assertThat(tmp.resolve("report/root/proc/cpuinfo")).exists();
        // Only what detection read: never the whole environment.
        String env = Files.exists(tmp.resolve("report/env.properties")) ? Files.readString(tmp.resolve("report/env.properties")) : "";
        assertThat(env).doesNotContain("PATH=").doesNotContain("HOME=");
    }

    @Test
    void reportRefusesAFolderThatHoldsOtherFiles() throws IOException {
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/notes.txt"), "mine");
        RecordingHostSource recording = new RecordingHostSource(ThisMachine.hostSource());
        new HostDetector().detect(recording);
        assertThatThrownBy(() -> new SnapshotWriter().write(recording, tmp.resolve("busy")))
                .isInstanceOf(SnapshotException.class).satisfies(HasProblem.key("snapshot.out.notEmpty", tmp.resolve("busy")));
        assertThat(Files.readString(tmp.resolve("busy/notes.txt"))).isEqualTo("mine");
    }

    @Test
    void missingFolderSaysHowToMakeOne() {
        assertThatThrownBy(() -> new SnapshotHostSource(tmp.resolve("nope")))
                .isInstanceOf(SnapshotException.class)
                .satisfies(HasProblem.key("snapshot.noFolder", tmp.resolve("nope")));
    }

    @Test
    void binaryCpuinfoIsRefusedByName() {
        Path dir = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", new byte[] {'p', 0, 1, 2, (byte) 0xff}).writeTo(tmp.resolve("s"));
        assertThatThrownBy(() -> new HostDetector().detect(new SnapshotHostSource(dir)))
                .isInstanceOf(SnapshotException.class)
                .satisfies(HasProblem.key("snapshot.binary", "root/proc/cpuinfo", dir, 1));
    }

    @Test
    void nonUtf8TextIsRefused() {
        Path dir = SnapshotBuilder.linux("amd64").file("/etc/os-release", new byte[] {'N', 'A', 'M', 'E', '=', (byte) 0xc3, (byte) 0x28})
                .writeTo(tmp.resolve("s"));
        assertThatThrownBy(() -> new HostDetector().detect(new SnapshotHostSource(dir)))
                .isInstanceOf(SnapshotException.class).satisfies(HasProblem.key("snapshot.notUtf8", dir));
    }

    @Test
    void hugeFileIsRefusedWithoutReadingIt() throws IOException {
        Path dir = SnapshotBuilder.linux("amd64").writeTo(tmp.resolve("s"));
        Path cpuinfo = dir.resolve("root/proc/cpuinfo");
        Files.createDirectories(cpuinfo.getParent());
        try (RandomAccessFile f = new RandomAccessFile(cpuinfo.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024); // sparse: costs no disk
        }
        assertThatThrownBy(() -> new HostDetector().detect(new SnapshotHostSource(dir)))
                .isInstanceOf(SnapshotException.class)
                .satisfies(HasProblem.key("snapshot.tooLarge", dir, new dev.gosetup.i18n.ByteSize(64L * 1024 * 1024)));
    }

    @Test
    void malformedPropertiesAreExplained() throws IOException {
        Path dir = tmp.resolve("s");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("system.properties"), "os.name=\\uZZZZ\n");
        assertThatThrownBy(() -> new SnapshotHostSource(dir))
                .isInstanceOf(SnapshotException.class).satisfies(HasProblem.key("snapshot.notProperties", "system.properties", dir));
    }

    @Test
    void garbageUnameIsExplained() {
        Path dir = SnapshotBuilder.linux("amd64").uname("hello").writeTo(tmp.resolve("s"));
        assertThatThrownBy(() -> new SnapshotHostSource(dir))
                .isInstanceOf(SnapshotException.class).satisfies(HasProblem.key("snapshot.notUname", "uname.txt", dir));
    }

    @Test
    void garbageTextIsNotAnErrorButNothingIsInvented() {
        Path dir = SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", "lorem ipsum\ndolor: sit\n")
                .file("/etc/os-release", "just words").writeTo(tmp.resolve("s"));
        HostInfo host = new HostDetector().detect(new SnapshotHostSource(dir));
        assertThat(host.arch()).isEqualTo("amd64");
        assertThat(host.chip()).isNull();
        assertThat(host.osVersion()).isNull();
        assertThat(host.notes()).extracting(Note::code).contains("note.chip.unknown", "note.os.version.unknown");
    }

    @Test
    void rootPathsCannotEscapeTheSnapshot() throws IOException {
        Path dir = SnapshotBuilder.linux("amd64").writeTo(tmp.resolve("s"));
        Files.writeString(tmp.resolve("secret"), "x");
        SnapshotHostSource source = new SnapshotHostSource(dir);
        assertThat(source.file("/../../secret")).isEmpty();
        assertThat(source.exists("/../../secret")).isFalse();
    }

    @Test
    void anEmptyFolderStillAnswersWithNotes() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        HostInfo host = new HostDetector().detect(new SnapshotHostSource(tmp.resolve("empty")));
        assertThat(host.os()).isNull();
        assertThat(host.notes()).extracting(Note::code).contains("note.os.unknown");
    }

    @Test
    void sysctlTextKeepsUnknownOidsApartFromMissingNames() {
        Path dir = SnapshotBuilder.mac("x86_64").sysctl("sysctl: unknown oid 'hw.optional.arm64'\nhw.model: MacBookPro11,5\n")
                .writeTo(tmp.resolve("s"));
        SnapshotHostSource source = new SnapshotHostSource(dir);
        assertThat(source.sysctl("hw.optional.arm64")).isInstanceOf(SysctlValue.Unknown.class);
        assertThat(source.sysctl("hw.model").text()).contains("MacBookPro11,5");
        assertThat(source.sysctl("kern.version")).isInstanceOf(SysctlValue.NotCaptured.class);
        HostInfo host = new HostDetector().detect(source);
        assertThat(host.arch()).isEqualTo("amd64");
        assertThat(host.translated()).isFalse();
        assertThat(host.machine()).isEqualTo("MacBookPro11,5");
    }

    @Test
    void windowsBuildNumberDecidesWindows11() {
        Path dir = SnapshotBuilder.windows("amd64").windowsValue("processMachine", "0x0000").windowsValue("nativeMachine", "0x8664")
                .windowsValue("ProductName", "Windows 10 Pro").windowsValue("CurrentBuild", "22631")
                .windowsValue("DisplayVersion", "23H2").windowsValue("UBR", "4460").writeTo(tmp.resolve("s"));
        HostInfo host = new HostDetector().detect(new SnapshotHostSource(dir));
        assertThat(host.osVersion()).isEqualTo("Windows 11 23H2 (build 22631.4460)");
        assertThat(host.translated()).isFalse();
    }

    @Test
    void windowsMachineValuesMustBeNumbers() {
        Path dir = SnapshotBuilder.windows("amd64").windowsValue("nativeMachine", "ARM64").writeTo(tmp.resolve("s"));
        assertThatThrownBy(() -> new HostDetector().detect(new SnapshotHostSource(dir)))
                .isInstanceOf(SnapshotException.class).satisfies(HasProblem.key("snapshot.windowsNotNumber", "nativeMachine", "ARM64"));
    }

    @Test
    void containersInSystemdOrder() {
        Path podman = SnapshotBuilder.linux("amd64").file("/run/.containerenv", "").file("/.dockerenv", "").writeTo(tmp.resolve("p"));
        assertThat(new HostDetector().detect(new SnapshotHostSource(podman)).container()).isEqualTo("podman");
        Path manager = SnapshotBuilder.linux("amd64").file("/run/host/container-manager", "systemd-nspawn\n").writeTo(tmp.resolve("m"));
        assertThat(new HostDetector().detect(new SnapshotHostSource(manager)).container()).isEqualTo("systemd-nspawn");
        Path none = SnapshotBuilder.linux("amd64").writeTo(tmp.resolve("n"));
        assertThat(new HostDetector().detect(new SnapshotHostSource(none)).container()).isNull();
    }
}
