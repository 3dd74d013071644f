package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user and a script see it: output, JSON and exit codes. */
class CliTest {
    @TempDir
    Path tmp;

    CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    Path m2ProUnderRosetta() {
        return SnapshotBuilder.mac("x86_64")
                .sysctl(Fixtures.capture("sysctl_macos_m2_monterey.txt") + "sysctl.proc_translated: 1\nkern.osproductversion: 15.1\n")
                .writeTo(tmp.resolve("m2"));
    }

    @Test
    void detectJsonFromASnapshotHasTheContractFields() throws Exception {
        CliResult r = run("detect", "--json", "--from", m2ProUnderRosetta().toString());
        assertThat(r.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("os").asText()).isEqualTo("darwin");
        assertThat(json.get("arch").asText()).isEqualTo("arm64");
        assertThat(json.get("processArch").asText()).isEqualTo("amd64");
        assertThat(json.get("translated").asBoolean()).isTrue();
        assertThat(json.get("chip").asText()).isEqualTo("Apple M2");
        assertThat(json.get("osVersion").asText()).isEqualTo("macOS 15.1");
        assertThat(json.has("wsl")).isTrue();
        assertThat(json.get("wsl").isNull()).isTrue();
        assertThat(json.get("container").isNull()).isTrue();
        assertThat(json.get("goamd64").isNull()).isTrue();
        assertThat(json.get("notes").isArray()).isTrue();
    }

    @Test
    void detectSummaryStatesTheConsequence() {
        CliResult r = run("detect", "--from", m2ProUnderRosetta().toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Apple M2 (Mac14,2)".replace(" (Mac14,2)", ""))
                .contains("macOS 15.1")
                .contains("this app runs under Rosetta 2")
                .contains("Go will be installed for the native arm64 CPU (darwin-arm64).");
    }

    @Test
    void chineseOutputOnRequest() {
        CliResult r = run("--lang", "zh-CN", "detect", "--from", m2ProUnderRosetta().toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("将为本机原生的 arm64 CPU 安装 Go（darwin-arm64）").contains("Rosetta 2");
    }

    @Test
    void unusableSnapshotIsExitCode2WithAClearMessageAndNoStackTrace() {
        CliResult r = run("detect", "--from", tmp.resolve("missing").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("There is no snapshot folder at " + tmp.resolve("missing") + ".\n")
                .contains("'gosetup report --out FOLDER'") // what to do, on its own line
                .doesNotContain("at dev.gosetup").doesNotContain("Exception").doesNotContain("[snapshot.");
    }

    @Test
    void wrongOptionIsExitCode2() {
        CliResult r = run("detect", "--bogus");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--bogus").contains("gosetup detect --help");
    }

    @Test
    void unknownLanguageIsExitCode2() {
        CliResult r = run("--lang", "klingon", "detect");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("klingon");
    }

    @Test
    void reportThenDetectFromItGivesTheSameAnswer() throws Exception {
        Path report = tmp.resolve("report");
        CliResult written = run("report", "--out", report.toString());
        assertThat(written.exitCode()).isZero();
        assertThat(written.out()).contains(report.toString());
        CliResult live = run("detect", "--json");
        CliResult fromReport = run("detect", "--json", "--from", report.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(live.out());
        JsonNode b = json.readTree(fromReport.out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("source");
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("source");
        assertThat(b).isEqualTo(a);
        assertThat(json.readTree(Files.readString(report.resolve("detect.json"))).get("arch")).isEqualTo(a.get("arch"));
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        CliResult r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("detect").contains("report").contains("gui").contains("Exit codes");
        CliResult zh = run("--lang", "zh-CN", "--help");
        assertThat(zh.out()).contains("退出码");
    }

    @Test
    void everyCommandsHelpDescribesItsOwnOptions() {
        for (String lang : new String[] {"en", "zh-CN"}) {
            for (String command : new String[] {"detect", "report", "releases", "install", "use", "remove", "list", "env", "doctor", "gui"}) {
                CliResult r = run("--lang", lang, command, "--help");
                assertThat(r.exitCode()).as(command).isZero();
                String versionLine = r.out().lines().filter(l -> l.contains("--version")).findFirst().orElseThrow();
                // picocli looks up "<command>.version" for --version: a VERSION argument's text must not land there
                assertThat(versionLine).as(lang + " " + command).contains(lang.equals("en") ? "Show the version" : "版本")
                        .doesNotContain("1.22");
            }
        }
    }
}
