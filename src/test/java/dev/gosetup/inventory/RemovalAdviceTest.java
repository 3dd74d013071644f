package dev.gosetup.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The removal command is pasted into a terminal as it is: a command, with no English words around it. */
class RemovalAdviceTest {
    static GoInstall install(Source source, String root) {
        return new GoInstall(Path.of(root), "go1.22.5", List.of("linux-amd64"), source, null);
    }

    @Test
    void everyCommandIsOnlyACommand() {
        for (Source source : Source.values()) {
            RemovalAdvice.command(install(source, "/opt/homebrew/Cellar/go@1.22/1.22.5/libexec")).ifPresent(cmd -> assertThat(cmd)
                    .as(source.name()).doesNotContain("(").doesNotContain("   ").doesNotContain(" also ").doesNotContain(" in Windows"));
        }
        assertThat(RemovalAdvice.command(install(Source.SDK, "/home/dev/sdk/go1.22.5"))).isEmpty();
        assertThat(RemovalAdvice.command(install(Source.PATH, "/usr/lib/go"))).isEmpty();
    }

    @Test
    void theCommandsThatHadANoteSayItAsACommand() {
        assertThat(RemovalAdvice.command(install(Source.OFFICIAL, "/usr/local/go")))
                .contains("sudo rm -rf /usr/local/go && sudo rm -f /etc/paths.d/go");
        assertThat(RemovalAdvice.command(install(Source.WSL_WINDOWS, "/mnt/c/Program Files/Go")))
                .contains("cmd.exe /c winget uninstall --id GoLang.Go");
        assertThat(RemovalAdvice.command(install(Source.WINDOWS, "C:\\Program Files\\Go"))).contains("winget uninstall --id GoLang.Go");
        assertThat(RemovalAdvice.command(install(Source.HOMEBREW, "/opt/homebrew/Cellar/go@1.22/1.22.5/libexec"))).contains("brew uninstall go@1.22");
    }
}
