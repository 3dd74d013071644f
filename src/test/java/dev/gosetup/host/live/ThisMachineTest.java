package dev.gosetup.host.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.host.linux.LinuxNativeCalls;
import dev.gosetup.host.HostDetector;
import org.junit.jupiter.api.Test;

/** The choice of native calls, made outside host: by os.name, and nothing native where no implementation exists. */
class ThisMachineTest {
    @Test
    void anOsWithoutNativeCallsIsReadFromFilesAndPropertiesOnly() {
        var none = ThisMachine.forOs("FreeBSD");
        assertThat(none.uname()).isEmpty();
        assertThat(none.windows("ProductName")).isEmpty();
    }

    @Test
    void thisLinuxGetsItsOwnCallsAndTheLiveSourceDetectsIt() {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            return; // the build machines of this project run Linux; the others are covered by captured values
        }
        assertThat(ThisMachine.forOs("Linux")).isInstanceOf(LinuxNativeCalls.class);
        assertThat(ThisMachine.nativeCalls().uname()).get().satisfies(u -> assertThat(u.sysname()).isEqualTo("Linux"));
        assertThat(new HostDetector().detect(ThisMachine.hostSource()).os()).isNotNull();
    }
}
