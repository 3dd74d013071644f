package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.BuildsWithLinuxAmd64Go;
import dev.gosetup.testing.GoToolBuilds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gosetup tools as people and scripts read it: real tools in ~/go/bin, the active Go a real Go 1.23 in ~/sdk. */
@BuildsWithLinuxAmd64Go
class ToolsCliTest {
    @TempDir
    Path tmp;

    Path home() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("sdk"));
        Files.createSymbolicLink(home.resolve("sdk/go1.23.5"), GoToolBuilds.goRoot("1.23.5"));
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.23.5"));
        Path bin = Files.createDirectories(home.resolve("go/bin"));
        Files.copy(GoToolBuilds.build("1.21.13", "linux", "amd64", "hello"), bin.resolve("hello"));
        Files.copy(GoToolBuilds.build("1.23.5", "linux", "arm64", "hello"), bin.resolve("dlv"));
        Files.writeString(bin.resolve("README"), "notes\n");
        return home;
    }

    @Test
    void jsonSaysWhatEachBinaryIsAndFlagsOldGoAndOtherCpus() throws Exception {
        Path home = home();
        CliResult r = CliResult.run(tmp, "tools", "--json", "--home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list).extracting(n -> n.get("name").asText()).containsExactly("README", "dlv", "hello");
        JsonNode hello = list.get(2);
        assertThat(hello.get("kind").asText()).isEqualTo("go");
        assertThat(hello.get("goVersion").asText()).isEqualTo("go1.21.13");
        assertThat(hello.get("path").asText()).isEqualTo(GoToolBuilds.HELLO);
        assertThat(hello.get("module").asText()).isEqualTo(GoToolBuilds.MODULE);
        assertThat(hello.get("version").asText()).isEqualTo("v1.0.0");
        assertThat(hello.get("goos").asText()).isEqualTo("linux");
        assertThat(hello.get("goarch").asText()).isEqualTo("amd64");
        assertThat(hello.get("cgo").asBoolean()).isFalse();
        assertThat(hello.get("olderGo").asBoolean()).isTrue();
        assertThat(hello.get("linesBehind").asInt()).isEqualTo(2);
        assertThat(hello.get("activeGo").asText()).isEqualTo("go1.23.5");
        assertThat(hello.get("settings").get("-ldflags").asText()).isEqualTo("-s -w");
        assertThat(hello.get("deps")).extracting(JsonNode::asText).containsExactly("example.com/greet@v1.0.0");
        String hostArch = hello.get("hostArch").asText();
        assertThat(list.get(1).get("wrongArch").asBoolean()).isEqualTo(!hostArch.equals("arm64"));
        assertThat(list.get(0).get("kind").asText()).isEqualTo("not_a_program");
        assertThat(list.get(0).get("olderGo").asBoolean()).isFalse();
    }

    @Test
    void textListsTheFolderAndSaysHowMuchOlderInBothLanguages() throws Exception {
        Path home = home();
        CliResult en = CliResult.run(tmp, "tools", "--home", home.toString());
        assertThat(en.exitCode()).as(en.err()).isZero();
        assertThat(en.out()).contains(home.resolve("go/bin") + ":").contains("go1.21.13").contains("linux-amd64")
                .contains(GoToolBuilds.HELLO + "@v1.0.0").contains("Built with go1.21.13: 2 lines older than the active go1.23.5");
        CliResult zh = CliResult.run(tmp, "--lang", "zh-CN", "tools", "--home", home.toString());
        assertThat(zh.out()).contains("由 go1.21.13 构建：比当前的 go1.23.5 旧 2 个版本系列");
    }

    @Test
    void rebuildOfAToolThatIsNotThereIsBadInput() throws Exception {
        Path home = home();
        CliResult r = CliResult.run(tmp, "tools", "--rebuild", "gopls", "--yes", "--home", home.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("gopls");
    }

    /** The real program in its own JVM, with the user's GOPROXY (a file proxy) in its environment: plan, progress, result. */
    @Test
    void rebuildShowsThePlanThenEachToolsProgressAndResult() throws Exception {
        Path home = home();
        Files.delete(home.resolve("go/bin/dlv")); // an arm64 build: not what this test is about
        ProcessBuilder pb = dev.gosetup.testing.ChildJvm.of("dev.gosetup.Main", "--lang", "en", "tools", "--rebuild", "--yes",
                "--home", home.toString());
        pb.environment().putAll(GoToolBuilds.env(home));
        pb.environment().remove("GOPATH");
        pb.environment().remove("GOBIN");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();

        String go = home.resolve("sdk/go1.23.5/bin/go").toString();
        assertThat(out).contains("Rebuild with go1.23.5 (" + go + "):")
                .contains("  hello: go install " + GoToolBuilds.HELLO + "@v1.0.0")
                .contains("[1/1] hello: go install " + GoToolBuilds.HELLO + "@v1.0.0")
                .contains("  hello: rebuilt with go1.23.5.");
        assertThat(out.indexOf("Rebuild with")).isLessThan(out.indexOf("[1/1]"));
        assertThat(GoToolBuilds.goVersionM(home.resolve("go/bin/hello"))).startsWith(home.resolve("go/bin/hello") + ": go1.23.5");
    }
}
