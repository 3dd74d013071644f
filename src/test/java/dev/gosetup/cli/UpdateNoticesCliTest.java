package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notice at the top of {@code releases} and as a {@code doctor} finding, from a real go.dev list (2021-11-08:
 * go1.17.3 and go1.16.10) and an active go1.16.5; silenced or limited by the policy.
 */
class UpdateNoticesCliTest {
    @TempDir(factory = dev.gosetup.testing.TrustedTempDir.class)
    Path tmp;

    private Path home;
    private Path list;

    private void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        list = Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json");
        dev.gosetup.testing.SdkTrees.complete(home.resolve("sdk"), "go1.16.5");
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.16.5"));
        // doctor reads the list the settings name (from its cache; a local file is read as it is)
        Path settings = dev.gosetup.settings.AppPaths.forHome(home).settingsFile(); // --home reads that home's settings
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, new ObjectMapper().createObjectNode().put("releaseList", list.toString()).toString());
    }

    @Test
    void releasesSaysItFirstInBothLanguages() throws Exception {
        setUp();
        CliResult r = CliResult.run(tmp, "releases", "--catalog", list.toString(), "--platform", "linux-amd64", "--home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().limit(2)).containsExactly("go1.16.5 has a newer patch: go1.16.10.", "  Run \"gosetup update\" to update.");
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "releases", "--catalog", list.toString(), "--platform", "linux-amd64",
                "--home", home.toString());
        assertThat(zh.out().lines().limit(2)).containsExactly("go1.16.5 有更新的补丁版本：go1.16.10。", "  运行“gosetup update”进行更新。");
    }

    @Test
    void doctorHasAFindingWhoseFixIsUpdate() throws Exception {
        setUp();
        JsonNode findings = new ObjectMapper().readTree(
                CliResult.run(tmp, "doctor", "--json", "--offline", "--no-probe", "--home", home.toString()).out());
        JsonNode update = null;
        for (JsonNode f : findings) {
            if (f.get("id").asText().equals("go-update")) {
                update = f;
            }
        }
        assertThat(update).as(findings.toString()).isNotNull();
        assertThat(update.get("status").asText()).isEqualTo("warn");
        assertThat(update.get("title").asText()).isEqualTo("go1.16.5 has a newer patch: go1.16.10");
        assertThat(update.get("detail").asText()).endsWith("Fix: gosetup update");
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "doctor", "--offline", "--no-probe", "--home", home.toString());
        assertThat(zh.out()).contains("go1.16.5 有更新的补丁版本：go1.16.10").contains("修复方法：gosetup update");
    }

    @Test
    void aPolicySilencesOrLimitsIt() throws Exception {
        setUp();
        Path off = Files.writeString(tmp.resolve("off.json"), "{\"updateNotices\": \"off\"}");
        CliResult silenced = CliResult.run(tmp, "releases", "--catalog", list.toString(), "--platform", "linux-amd64", "--home",
                home.toString(), "--policy", off.toString());
        assertThat(silenced.exitCode()).as(silenced.err()).isZero();
        assertThat(silenced.out()).doesNotContain("newer patch: go1.16.10.").doesNotContain("gosetup update");
        CliResult doctor = CliResult.run(tmp, "doctor", "--json", "--offline", "--no-probe", "--home", home.toString(), "--policy", off.toString());
        assertThat(doctor.out()).doesNotContain("go-update");

        // Pinned to exactly the active version: nothing newer is offered.
        Path pinned = Files.writeString(tmp.resolve("pinned.json"), "{\"goVersion\": \"1.16.5\", \"allowedGoVersions\": [\"1.16\"]}");
        CliResult limited = CliResult.run(tmp, "releases", "--catalog", list.toString(), "--platform", "linux-amd64", "--home",
                home.toString(), "--policy", pinned.toString());
        assertThat(limited.out()).doesNotContain("gosetup update");
        // A pinned line lets the patch through, not the newer line.
        Path line = Files.writeString(tmp.resolve("line.json"), "{\"goVersion\": \"1.16\"}");
        CliResult patch = CliResult.run(tmp, "releases", "--catalog", list.toString(), "--platform", "linux-amd64", "--home",
                home.toString(), "--policy", line.toString());
        assertThat(patch.out()).startsWith("go1.16.5 has a newer patch: go1.16.10.");
    }
}
