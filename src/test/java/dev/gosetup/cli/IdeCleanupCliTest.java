package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.testing.RealBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gosetup ide and gosetup cleanup as scripts use them: JSON, --yes, --dry-run, undo, exit codes. */
class IdeCleanupCliTest {
    @TempDir
    Path tmp;

    Path home() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path sdk = home.resolve("sdk");
        RealBinaries.copy(RealBinaries.LINUX_AMD64, sdk.resolve("go1.22.5/bin/go"));
        Files.createFile(sdk.resolve("go1.22.5").resolve(SdkRoot.MARKER));
        Files.createSymbolicLink(sdk.resolve("go"), Path.of("go1.22.5"));
        return home;
    }

    @Test
    void ideReportsARemovedVersionPointsVsCodeAtTheActiveLinkAndUndoesIt() throws Exception {
        Path home = home();
        Path settings = home.resolve(".config/Code/User/settings.json");
        Files.createDirectories(settings.getParent());
        String original = "{\r\n    // Go\r\n    \"go.goroot\": \"~/sdk/go1.21.13\", /* removed */\r\n    \"editor.tabSize\": 4,\r\n}\r\n";
        Files.writeString(settings, original);

        CliResult r = CliResult.run(tmp, "ide", "--json", "--home", home.toString());
        JsonNode findings = new ObjectMapper().readTree(r.out());
        JsonNode f = findings.get(0);
        assertThat(f.get("id").asText()).isEqualTo("ide-vscode-goroot");
        assertThat(f.get("status").asText()).isEqualTo("fail");
        assertThat(f.get("configured").asText()).isEqualTo("~/sdk/go1.21.13");
        assertThat(f.get("fix").asText()).contains("go.goroot");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);

        assertThat(CliResult.run(tmp, "ide", "--point-vscode", "--home", home.toString()).exitCode()).as("no terminal, no --yes")
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.readString(settings)).isEqualTo(original);

        CliResult pointed = CliResult.run(tmp, "ide", "--point-vscode", "--yes", "--home", home.toString());
        assertThat(pointed.exitCode()).as(pointed.err()).isEqualTo(ExitCodes.OK);
        assertThat(pointed.out()).contains("gosetup ide --undo");
        assertThat(Files.readString(settings)).isEqualTo(original.replace("\"~/sdk/go1.21.13\"", "\"" + home.resolve("sdk/go") + "\""));
        assertThat(CliResult.run(tmp, "ide", "--home", home.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        CliResult undone = CliResult.run(tmp, "ide", "--undo", "--home", home.toString());
        assertThat(undone.out()).contains(settings.toString());
        assertThat(Files.readString(settings)).isEqualTo(original);
    }

    @Test
    void doctorReportsTheIdesGoAndItsFixEditsOnlyTheValue() throws Exception {
        Path home = home();
        Path settings = home.resolve(".config/VSCodium/User/settings.json");
        Files.createDirectories(settings.getParent());
        String original = "{\n\t\"go.goroot\": \"/opt/go-removed\" // gone\n}\n";
        Files.writeString(settings, original);
        CliResult r = CliResult.run(tmp, "doctor", "--json", "--offline", "--no-probe", "--home", home.toString());
        JsonNode ide = null;
        for (JsonNode f : new ObjectMapper().readTree(r.out())) {
            if (f.get("id").asText().startsWith("ide-vscode-goroot")) {
                ide = f;
            }
        }
        assertThat(ide).as(r.out()).isNotNull();
        assertThat(ide.get("status").asText()).isEqualTo("fail");
        assertThat(ide.get("detail").asText()).contains(settings.toString()).contains("/opt/go-removed").contains("bin/go");

        CliResult fixed = CliResult.run(tmp, "doctor", "--fix", "--yes", "--offline", "--no-probe", "--home", home.toString());
        assertThat(fixed.out()).contains(settings.toString());
        assertThat(Files.readString(settings)).isEqualTo(original.replace("/opt/go-removed", home.resolve("sdk/go").toString()));
    }

    @Test
    void cleanupShowsFirstAsksThroughYesAndLeavesWhatIsNotOurs() throws Exception {
        Path home = home();
        Path sdk = home.resolve("sdk");
        Files.createDirectories(sdk.resolve("go1.21.13/bin"));
        Files.write(sdk.resolve("go1.21.13/bin/go"), new byte[4096]);
        Files.createFile(sdk.resolve("go1.21.13").resolve(SdkRoot.MARKER));
        Files.createDirectories(sdk.resolve(".downloads"));
        Files.write(sdk.resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial"), new byte[1000]);
        Files.createDirectories(sdk.resolve("my-old-go"));

        CliResult dry = CliResult.run(tmp, "cleanup", "--dry-run", "--json", "--home", home.toString());
        assertThat(dry.exitCode()).as(dry.err()).isEqualTo(ExitCodes.OK);
        JsonNode plan = new ObjectMapper().readTree(dry.out());
        assertThat(plan.get("totals").get("versions").asLong()).isEqualTo(4096);
        assertThat(plan.get("totals").get("leftovers").asLong()).isEqualTo(1000);
        assertThat(plan.get("kept").get(0).get("version").asText()).isEqualTo("go1.22.5");
        assertThat(plan.get("notOurs").get(0).asText()).isEqualTo(sdk.resolve("my-old-go").toString());
        assertThat(sdk.resolve("go1.21.13")).isDirectory();

        CliResult text = CliResult.run(tmp, "cleanup", "--dry-run", "--home", home.toString());
        assertThat(text.out()).contains("go1.21.13").contains("Kept: go1.22.5 (active)").contains("Not gosetup's, left alone: ~/sdk/my-old-go")
                .contains("Nothing was freed (--dry-run).");

        assertThat(CliResult.run(tmp, "cleanup", "--home", home.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(sdk.resolve("go1.21.13")).isDirectory();

        CliResult freed = CliResult.run(tmp, "cleanup", "--yes", "--home", home.toString());
        assertThat(freed.exitCode()).as(freed.err()).isEqualTo(ExitCodes.OK);
        assertThat(freed.out()).contains("Removed 1 version:").contains("Deleted 1 leftover:");
        assertThat(sdk.resolve("go1.21.13")).doesNotExist();
        assertThat(sdk.resolve(".downloads/go1.23.5.linux-amd64.tar.gz.partial")).doesNotExist();
        assertThat(sdk.resolve("go1.22.5/bin/go")).isRegularFile();
        assertThat(sdk.resolve("my-old-go")).isDirectory();

        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "cleanup", "--dry-run", "--home", home.toString());
        assertThat(zh.out()).contains("保留：go1.22.5（当前启用）").contains("不属于 gosetup，保持不动");
    }
}
