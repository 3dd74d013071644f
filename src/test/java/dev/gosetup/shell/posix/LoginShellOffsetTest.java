package dev.gosetup.shell.posix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where pw_shell sits in struct passwd, against the headers' layouts (glibc pwd.h; macOS pwd.h). */
class LoginShellOffsetTest {

    @Test
    void glibcOn64Bit() {
        // pw_name, pw_passwd (8 each), pw_uid, pw_gid (4 each), pw_gecos, pw_dir (8 each), then pw_shell
        assertThat(LoginShell.shellOffset(8, false)).isEqualTo(40);
    }

    @Test
    void macOsOn64Bit() {
        // pw_name, pw_passwd, pw_uid, pw_gid, pw_change (time_t, 8), pw_class, pw_gecos, pw_dir, then pw_shell
        assertThat(LoginShell.shellOffset(8, true)).isEqualTo(56);
    }
}
