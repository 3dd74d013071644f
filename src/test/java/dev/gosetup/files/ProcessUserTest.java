package dev.gosetup.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Windows account acts for the machine: what Intune and SCCM run their scripts as. */
class ProcessUserTest {
    @Test
    void localSystemIsTheMachinesAccountOnWindows() {
        assertThat(ProcessUser.isWindowsSystemAccount("SYSTEM", "C:\\Windows\\system32\\config\\systemprofile")).isTrue();
        assertThat(ProcessUser.isWindowsSystemAccount("system", null)).isTrue();
        // a machine account name as some tools report it, with the profile that gives it away
        assertThat(ProcessUser.isWindowsSystemAccount("WS-0042$", "C:\\WINDOWS\\System32\\Config\\SystemProfile")).isTrue();
        assertThat(ProcessUser.isWindowsSystemAccount("ana", "C:\\Users\\ana")).as("an administrator is a person").isFalse();
        assertThat(ProcessUser.isWindowsSystemAccount("Administrator", "C:\\Users\\Administrator")).isFalse();
    }
}
