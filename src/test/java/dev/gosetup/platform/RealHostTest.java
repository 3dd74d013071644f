package dev.gosetup.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.host.HostDetector;
import dev.gosetup.host.HostInfo;
import dev.gosetup.host.NativeCalls;
import dev.gosetup.host.live.ThisMachine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The host facts through the real system calls of the OS the suite runs on, against what the OS's own tools say
 * (issue 19: the captures the other tests use are only as good as the calls that read them). Runs on the
 * platform runners of .github/workflows/platforms.yml (macOS arm64 and x64, Windows x64, Linux arm64); each test
 * is skipped elsewhere and says so in the report. The JVMs there are native, so nothing is translated.
 */
@Tag("real-os")
class RealHostTest {
    private static final NativeCalls CALLS = ThisMachine.nativeCalls();

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static HostInfo detect() throws Exception {
        return new HostDetector().detect(ThisMachine.hostSource());
    }

    @Test
    @EnabledOnOs(value = OS.MAC, disabledReason = "compares with macOS's sysctl tool")
    void macSysctlReadsWhatTheSysctlToolPrints() throws Exception {
        for (String name : List.of("hw.optional.arm64", "sysctl.proc_translated", "machdep.cpu.brand_string", "hw.machine")) {
            String tool = run("/usr/sbin/sysctl", "-n", name);
            var value = CALLS.sysctl(name);
            if (tool.isEmpty() || tool.contains("unknown oid")) {
                assertThat(value.isUnknownOid()).as(name + " is unknown to this Mac").isTrue();
            } else {
                assertThat(value.text()).as(name).contains(tool);
            }
        }
        String unameM = run("/usr/bin/uname", "-m");
        HostInfo host = detect();
        assertThat(host.arch()).isEqualTo(unameM.equals("arm64") ? "arm64" : "amd64");
        assertThat(host.translated()).as("a native JVM").isFalse();
    }

    @Test
    @EnabledOnOs(value = OS.WINDOWS, disabledReason = "IsWow64Process2 and the PROCESSOR_* variables exist only on Windows")
    void windowsIsWow64Process2AgreesWithTheProcessorVariables() throws Exception {
        String nativeMachine = CALLS.windows("nativeMachine").orElseThrow();
        String processMachine = CALLS.windows("processMachine").orElseThrow();
        String arch = System.getenv().getOrDefault("PROCESSOR_ARCHITEW6432", System.getenv("PROCESSOR_ARCHITECTURE"));
        assertThat(nativeMachine).isEqualTo(switch (arch.toUpperCase(Locale.ROOT)) {
            case "ARM64" -> "0xaa64";
            case "AMD64" -> "0x8664";
            default -> throw new AssertionError("an unexpected runner: " + arch);
        });
        assertThat(processMachine).as("IMAGE_FILE_MACHINE_UNKNOWN: not a WOW64 process").isEqualTo("0x0000");
        assertThat(CALLS.windows("CurrentBuild")).isPresent();
        HostInfo host = detect();
        assertThat(host.arch()).isEqualTo(arch.equalsIgnoreCase("ARM64") ? "arm64" : "amd64");
        assertThat(host.translated()).isFalse();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "compares with Linux's uname -m")
    void linuxArchitectureIsUnameM() throws Exception {
        String unameM = run("uname", "-m");
        HostInfo host = detect();
        assertThat(host.arch()).isEqualTo(switch (unameM) {
            case "aarch64" -> "arm64";
            case "x86_64" -> "amd64";
            default -> host.arch();
        });
    }
}
