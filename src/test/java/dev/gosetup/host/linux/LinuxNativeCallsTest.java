package dev.gosetup.host.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.host.Uname;
import dev.gosetup.shell.posix.LoginShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The foreign-function calls say what the system's own tools say, on this real Linux. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "Linux's own native calls, compared with uname, id and getent")
class LinuxNativeCallsTest {

    @Test
    void unameMatchesTheUnameCommand() throws Exception {
        Uname u = new LinuxNativeCalls().uname().orElseThrow();
        assertThat(u.sysname()).isEqualTo(run("uname", "-s"));
        assertThat(u.nodename()).isEqualTo(run("uname", "-n"));
        assertThat(u.release()).isEqualTo(run("uname", "-r"));
        assertThat(u.version()).isEqualTo(run("uname", "-v"));
        assertThat(u.machine()).isEqualTo(run("uname", "-m"));
    }

    @Test
    void theLoginShellIsTheAccountsAsGetentSaysIt() throws Exception {
        String[] passwd = run("getent", "passwd", run("id", "-u")).split(":");
        assertThat(LoginShell.path()).contains(passwd[6]);
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
        return out;
    }
}
