package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new account's first run on the command line, judged by what matters: a new terminal. A home made from
 * Debian's /etc/skel files, the real Go 1.19.8 from a loopback mirror, `install` and `env --apply --yes`;
 * then real `bash -l -i`, `zsh -l -i` and `fish -l -i` — started as a terminal starts them, from a clean
 * environment, not this JVM's — must run that Go.
 */
@RunsLinuxAmd64Go
@Timeout(300)
class FirstRunJourneyCliTest {
    @TempDir
    Path tmp;

    @Test
    void installThenEnvThenEveryNewTerminalRunsTheNewGo() throws Exception {
        Path mirror = GoMirror.dir();
        Path home = Files.createDirectories(tmp.resolve("alex"));
        for (String f : List.of(".bashrc", ".profile", ".bash_logout")) {
            Path skel = Path.of("/etc/skel", f);
            if (Files.isRegularFile(skel)) {
                Files.copy(skel, home.resolve(f));
            }
        }
        try (LoopbackServer server = new LoopbackServer().serveFile("/" + GoMirror.FILE, mirror.resolve(GoMirror.FILE))) {
            CliResult install = CliResult.run(tmp, "install", "--catalog", mirror.resolve("dl.json").toString(),
                    "--mirror", server.uri("/").toString(), "--allow-http", "127.0.0.1", "--home", home.toString(),
                    "--platform", "linux-amd64");
            assertThat(install.exitCode()).as(install.err()).isZero();
            assertThat(install.out()).startsWith("SHA-256 verified · installed in ~/sdk/go1.19.8 · now active");
        }

        CliResult env = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash,zsh,fish", "--apply", "--yes");
        assertThat(env.exitCode()).as(env.err()).isZero();
        assertThat(env.out()).contains("+++ b/.bashrc").contains(home.resolve(".bashrc").toString());

        String expected = "go version go1.19.8 linux/amd64";
        Path go = home.resolve("sdk/go/bin/go");
        for (String shell : List.of("bash", "zsh", "fish")) {
            dev.gosetup.testing.Shells.require(shell);
            String out = dev.gosetup.testing.Shells.newTerminal(home, shell, "command -v go; go version");
            assertThat(out).as(shell + " -l -i, as a new terminal").contains(go.toString()).contains(expected);
        }
    }
}
