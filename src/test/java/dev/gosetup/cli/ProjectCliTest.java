package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.MultiGoMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gosetup project` at its edges: usage errors, policy limits on --install, a GOTOOLCHAIN go would refuse. */
class ProjectCliTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;

    @Test
    void aMissingFolderIsAUsageError() {
        CliResult r = CliResult.run(tmp, "project", tmp.resolve("nowhere").toString(), "--home", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("nowhere is not a folder");
    }

    @Test
    void aFolderWithoutProjectFilesSaysSoInBothFormats() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path dir = Files.createDirectories(home.resolve("notes"));
        CliResult text = CliResult.run(tmp, "project", dir.toString(), "--home", home.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("No go.work, go.mod, .go-version or .tool-versions here or in a parent folder.")
                .contains("Nothing is missing.");
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "project", dir.toString(), "--home", home.toString());
        assertThat(zh.out()).contains("没有缺少的版本。");
        JsonNode json = new ObjectMapper().readTree(CliResult.run(tmp, "project", dir.toString(), "--home", home.toString(), "--json").out());
        assertThat(json.get("requests")).isEmpty();
        assertThat(json.get("decides").isNull()).isTrue();
    }

    @Test
    void installRespectsThePolicysAllowedVersionsBeforeDownloadingAnything() throws Exception {
        Path mirror = MultiGoMirror.dir();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path svc = Files.createDirectories(home.resolve("svc"));
        Files.writeString(svc.resolve("go.mod"), "module example.com/svc\n\ngo 1.22.12\n");
        Path policy = Files.writeString(tmp.resolve("policy.json"), "{\"allowedGoVersions\": [\"1.21\"]}");
        CliResult r = CliResult.run(tmp, "project", svc.toString(), "--install", "--yes", "--home", home.toString(), "--policy",
                policy.toString(), "--catalog", mirror.resolve("dl.json").toString(), "--platform", "linux-amd64");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("go1.22.12 is not allowed");
        assertThat(home.resolve("sdk/go1.22.12")).doesNotExist();
    }

    /** .go-version "1.22.x": the newest verified 1.22 patch in the release list, the real one, installed and commanded. */
    @Test
    void anOpenVersionInstallsTheNewestPatchOfItsLine() throws Exception {
        Path mirror = MultiGoMirror.dir();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path tools = Files.createDirectories(home.resolve("tools"));
        Files.writeString(tools.resolve(".go-version"), "1.22.x\n");
        JsonNode before = new ObjectMapper().readTree(CliResult.run(tmp, "project", tools.toString(), "--home", home.toString(), "--json").out());
        assertThat(before.get("decides").asText()).isEqualTo(".go-version");
        assertThat(before.at("/missing/0").asText()).isEqualTo("1.22");
        CliResult r = CliResult.run(tmp, "project", tools.toString(), "--install", "--yes", "--home", home.toString(),
                "--catalog", mirror.resolve("dl.json").toString(), "--platform", "linux-amd64");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("installed in ~/sdk/go1.22.12").contains(".go-version, line 1: 1.22.x — needs go1.22.x: installed (go1.22.12)")
                .contains("The go command does not read .go-version").contains("Nothing is missing.");
        assertThat(Files.readSymbolicLink(home.resolve("sdk/bin/go1.22.12"))).isEqualTo(Path.of("../go1.22.12/bin/go"));
    }

    @Test
    void aGotoolchainGoWouldRejectIsRefusedAsASetting() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        CliResult r = CliResult.run(tmp, "env", "--home", home.toString(), "--shell", "bash", "--go-env", "GOTOOLCHAIN=bash", "--apply", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("GOTOOLCHAIN=bash is not a value go accepts");
    }
}
