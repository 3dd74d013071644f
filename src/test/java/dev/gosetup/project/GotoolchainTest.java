package dev.gosetup.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GOTOOLCHAIN's sources in the go command's order: environment, the go env -w file, GOROOT/go.env. */
class GotoolchainTest {
    @TempDir
    Path tmp;

    @Test
    void environmentThenGoEnvWThenGoEnvOfTheGoroot() throws IOException {
        Path config = tmp.resolve("config");
        Path goroot = Files.createDirectories(tmp.resolve("sdk/go1.22.12"));
        Files.writeString(goroot.resolve("go.env"), "# This file contains the initial defaults for go command configuration.\n"
                + "GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\n\n# Automatically download newer toolchains as directed by go.mod files.\nGOTOOLCHAIN=auto\n");
        assertThat(Gotoolchain.resolve(null, Map.of(), config, goroot))
                .isEqualTo(new Gotoolchain("auto", Gotoolchain.Where.GOROOT_GO_ENV, goroot.resolve("go.env")));

        Files.createDirectories(config.resolve("go"));
        Files.writeString(config.resolve("go/env"), "GOPRIVATE=*.corp.example.com\nGOTOOLCHAIN=go1.23.5+auto\n"); // as go env -w writes it
        assertThat(Gotoolchain.resolve(null, Map.of(), config, goroot).where()).isEqualTo(Gotoolchain.Where.GO_ENV_W);
        assertThat(Gotoolchain.resolve(null, Map.of("GOENV", "off"), config, goroot).where()).isEqualTo(Gotoolchain.Where.GOROOT_GO_ENV);
        Path other = Files.writeString(tmp.resolve("team.env"), "GOTOOLCHAIN=path\n");
        assertThat(Gotoolchain.resolve(null, Map.of("GOENV", other.toString()), config, goroot))
                .isEqualTo(new Gotoolchain("path", Gotoolchain.Where.GO_ENV_W, other));

        assertThat(Gotoolchain.resolve(null, Map.of("GOTOOLCHAIN", "local"), config, goroot).value()).isEqualTo("local");
        assertThat(Gotoolchain.resolve("path", Map.of("GOTOOLCHAIN", "local"), config, goroot))
                .as("gosetup's env script runs last in the startup file").isEqualTo(new Gotoolchain("path", Gotoolchain.Where.GOSETUP_ENV, null));
    }

    @Test
    void modesParsedAsSelectParsesThem() {
        assertThat(Gotoolchain.Mode.of("auto")).isEqualTo(new Gotoolchain.Mode(true, "local", "auto"));
        assertThat(Gotoolchain.Mode.of("go1.22.12+path").pathOnly()).isTrue();
        assertThat(Gotoolchain.Mode.of("go1.22.12").readsGoMod()).isFalse();
        assertThat(Gotoolchain.Mode.of("local+auto").valid()).isTrue();
        assertThat(Gotoolchain.Mode.of("1.22.12").valid()).isFalse();
        assertThat(Gotoolchain.Mode.of("go1.22+auto+path").valid()).isFalse();
    }

    /** The settings' and policy's gate agrees with how the go command parses the value. */
    @Test
    void settingsAcceptExactlyWhatGoAccepts() {
        for (String ok : java.util.List.of("auto", "path", "local", "go1.22.12", "go1.22.12+auto", "local+path", "go1.23rc1+path", "go1.21.1-custom")) {
            assertThat(dev.gosetup.settings.Settings.validGotoolchain(ok)).as(ok).isTrue();
            assertThat(Gotoolchain.Mode.of(ok).valid()).as(ok).isTrue();
        }
        for (String bad : java.util.List.of("bash", "1.22.12", "go1.22+download", "auto+path", "go1.22.12/../x", "", "go1.22 ;rm")) {
            assertThat(dev.gosetup.settings.Settings.validGotoolchain(bad)).as(bad).isFalse();
            // go itself takes "go1.22 ;rm" (it cuts the version at the space): the settings' gate is stricter on purpose
            assertThat(Gotoolchain.Mode.of(bad).valid() && !bad.isEmpty() && !bad.contains(" ")).as(bad).isFalse();
        }
    }

    @Test
    void userConfigDirAsGoComputesIt() {
        Path home = Path.of("/home/alex");
        assertThat(Gotoolchain.userConfigDir("linux", Map.of(), home)).isEqualTo(home.resolve(".config"));
        assertThat(Gotoolchain.userConfigDir("linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home)).isEqualTo(Path.of("/xdg"));
        assertThat(Gotoolchain.userConfigDir("linux", Map.of("XDG_CONFIG_HOME", "relative"), home)).as("an error in Go").isNull();
        assertThat(Gotoolchain.userConfigDir("mac", Map.of(), home)).isEqualTo(home.resolve("Library/Application Support"));
    }
}
