package dev.gosetup.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ParsersTest {
    @Test
    void unameOfGnuWithAndWithoutProcessorFields() {
        assertThat(Uname.parseUnameA("Linux mbp62 5.15.133.1-microsoft-standard-WSL2 #1 SMP Thu Oct 5 21:02:42 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux"))
                .hasValueSatisfying(u -> {
                    assertThat(u.machine()).isEqualTo("x86_64");
                    assertThat(u.release()).isEqualTo("5.15.133.1-microsoft-standard-WSL2");
                });
        assertThat(Uname.parseUnameA("Linux pi 6.1.21-v8+ #1642 SMP PREEMPT Mon Apr  3 17:24:16 BST 2023 aarch64 GNU/Linux"))
                .hasValueSatisfying(u -> assertThat(u.machine()).isEqualTo("aarch64"));
    }

    @Test
    void unameOfDarwinKeepsTheKernelVersion() {
        Uname u = Uname.parseUnameA("Darwin p1.local 21.1.0 Darwin Kernel Version 21.1.0: Wed Oct 13 17:33:01 PDT 2021; root:xnu-8019.41.5~1/RELEASE_ARM64_T6000 x86_64").orElseThrow();
        assertThat(u.machine()).isEqualTo("x86_64");
        assertThat(u.version()).contains("RELEASE_ARM64_T6000");
    }

    @Test
    void goamd64Levels() {
        Set<String> v2 = Set.of("cx16", "lahf_lm", "popcnt", "pni", "ssse3", "sse4_1", "sse4_2");
        assertThat(Goamd64Level.fromLinuxFlags(Set.of("sse2"))).isEqualTo("v1");
        assertThat(Goamd64Level.fromLinuxFlags(v2)).isEqualTo("v2");
        assertThat(Goamd64Level.missingFor("v3", v2)).contains("avx2", "abm");
    }

    @Test
    void raspberryPiRevisionCodes() {
        assertThat(RaspberryPi.fromRevisionCode("d04170")).contains("Raspberry Pi 5 Model B Rev 1.0");
        assertThat(RaspberryPi.fromRevisionCode("a02082")).contains("Raspberry Pi 3 Model B Rev 1.2");
        assertThat(RaspberryPi.fromRevisionCode("0010")).isEmpty(); // old style
        assertThat(RaspberryPi.fromRevisionCode("zz")).isEmpty();
    }

    @Test
    void osReleaseQuotingAndFallbacks() {
        assertThat(OsRelease.parse("PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=Ubuntu\n").prettyName()).contains("Ubuntu 24.04.1 LTS");
        assertThat(OsRelease.parse("NAME='Alpine Linux'\nVERSION_ID=3.20.3\n").prettyName()).contains("Alpine Linux 3.20.3");
    }

    @Test
    void goArchNames() {
        assertThat(GoArch.fromMachine("armv7l")).isEqualTo("armv6l");
        assertThat(GoArch.fromMachine("loongarch64")).isEqualTo("loong64");
        assertThat(GoArch.fromMachine("i686")).isEqualTo("386");
        assertThat(GoArch.fromWindowsMachine(0xAA64)).isEqualTo("arm64");
        assertThat(GoArch.goosFromOsName("Mac OS X")).isEqualTo("darwin");
    }

    @Test
    void appleChipNames() {
        assertThat(AppleChips.fromCpuFamily(-634136515L)).contains("Apple M2");
        assertThat(AppleChips.fromBrandString("Apple M3 Max")).contains("Apple M3 Max");
        assertThat(AppleChips.fromBrandString("Apple processor")).isEmpty();
    }

    @Test
    void cpuNamesLoseTheirDecorations() {
        assertThat(HostDetector.cleanCpuName("Intel(R) Core(TM) i5 CPU       M 560  @ 2.67GHz")).isEqualTo("Intel Core i5 M 560");
    }

    /** Found by SnapshotFuzzTest: four words ending in GNU/Linux made the parser slice backwards. */
    @Test
    void unameWithoutAMachineFieldIsNotParsedInsteadOfFailing() {
        org.assertj.core.api.Assertions.assertThat(Uname.parseUnameA("a b c GNU/Linux")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Uname.parseUnameA("Linux h 6.1 #1 SMP x86_64 GNU/Linux")).isPresent();
    }
}
