package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gosetup doctor as scripts see it: the JSON contract, the exit code, and --fix --yes repairing a CRLF .bashrc. */
class DoctorCliTest {
    @TempDir
    Path tmp;

    @Test
    void jsonFindingsExitCodeAndCrlfFix() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path bashrc = Files.writeString(home.resolve(".bashrc"), "export EDITOR=vim\r\nalias ll='ls -l'\r\n");
        CliResult r = CliResult.run(tmp, "doctor", "--json", "--offline", "--home", home.toString());
        JsonNode findings = new ObjectMapper().readTree(r.out());
        JsonNode crlf = null;
        for (JsonNode f : findings) {
            for (String field : new String[] {"id", "status", "title", "detail", "fix"}) {
                assertThat(f.has(field)).as(field).isTrue();
            }
            if (f.get("id").asText().equals("crlf")) {
                crlf = f;
            }
        }
        assertThat(crlf).isNotNull();
        assertThat(crlf.get("status").asText()).isEqualTo("fail");
        assertThat(crlf.get("detail").asText()).startsWith("~/.bashrc has CRLF").contains("command not found");
        assertThat(r.exitCode()).as("a failing check").isEqualTo(ExitCodes.FAILED);

        CliResult noYes = CliResult.run(tmp, "doctor", "--fix", "--offline", "--home", home.toString());
        assertThat(noYes.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);

        CliResult fixed = CliResult.run(tmp, "doctor", "--fix", "--yes", "--offline", "--home", home.toString());
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(Files.readString(bashrc, StandardCharsets.UTF_8)).startsWith("export EDITOR=vim\n").doesNotContain("\r");
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith(".bashrc.gosetup-backup-"));
        }
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "doctor", "--offline", "--home", home.toString());
        assertThat(zh.out()).contains("启动文件");
    }
}
