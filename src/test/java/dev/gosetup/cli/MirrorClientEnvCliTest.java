package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gosetup.AppContext;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Language;
import dev.gosetup.mirror.toolchain.ArchiveInput;
import dev.gosetup.mirror.toolchain.SumDbMode;
import dev.gosetup.mirror.toolchain.ToolchainProxy;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.testing.TarGzBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mirror client-env}: KEY=VALUE lines only on standard output, the why on standard error. */
class MirrorClientEnvCliTest {
    @TempDir
    Path tmp;

    Path mirror;
    ToolchainProxy.Written written;

    @BeforeEach
    void mirror() throws Exception {
        mirror = tmp.resolve("mirror");
        Path archive = tmp.resolve("go1.23.5.linux-amd64.tar.gz");
        Files.write(archive, new TarGzBuilder().file("go/VERSION", "go1.23.5\ntime 2025-01-10T16:44:59Z\n", 0644)
                .file("go/bin/go", "go", 0755).file("go/bin/gofmt", "gofmt", 0755)
                .file("go/src/cmd/go/main.go", "package main\n", 0644).build());
        written = ToolchainProxy.write(mirror, List.of(new ArchiveInput(archive, GoVersion.parse("go1.23.5").orElseThrow(),
                new Platform("linux", "amd64"))), new SumDbMode.Private(tmp.resolve("it.key"), "sumdb.corp.example"), ProgressListener.NONE);
    }

    private record Run(int code, String out, String err) {}

    private Run run(Language language, String... args) {
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), tmp.resolve("logs/gosetup0.log"));
        context.useLanguage(language);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new MirrorClientEnvCommand(context));
        cli.setResourceBundle(context.messages().bundle());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println(context.messages().describe(e));
            return GoSetupCommand.exitCodeFor(e);
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(UsageErrorText.of(e, context.messages()));
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsOnlyKeyValueLinesWithThePrivateDatabaseAndNoDirectFallback() {
        Run r = run(Language.ENGLISH, mirror.toString(), "--url", "https://go.corp.example/mirror/", "--toolchain", "auto");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "GOPROXY=https://go.corp.example/mirror",
                "GOSUMDB=" + written.verifierKey() + " https://go.corp.example/mirror/sumdb/sumdb.corp.example",
                "GOTOOLCHAIN=auto");
        assertThat(r.out()).doesNotContain("direct").doesNotContain("PRIVATE");
        assertThat(r.err()).contains("sumdb.corp.example").contains("--then-proxy");

        Run then = run(Language.ENGLISH, mirror.toString(), "--url", "https://go.corp.example/mirror", "--then-proxy", "https://athens.corp.example");
        assertThat(then.out().lines().findFirst().orElseThrow()).isEqualTo("GOPROXY=https://go.corp.example/mirror,https://athens.corp.example");
        assertThat(then.out()).doesNotContain("GOTOOLCHAIN");
        assertThat(then.err()).doesNotContain("--then-proxy");
    }

    @Test
    void jsonHasTheSameValues() throws Exception {
        Run r = run(Language.ENGLISH, mirror.toString(), "--url", "http://127.0.0.1:8080", "--json");
        JsonNode json = HostJson.mapper().readTree(r.out());
        assertThat(json.get("GOPROXY").asText()).isEqualTo("http://127.0.0.1:8080");
        assertThat(json.get("GOSUMDB").asText()).isEqualTo(written.verifierKey() + " http://127.0.0.1:8080/sumdb/sumdb.corp.example");
    }

    @Test
    void badInputSaysWhatIsWrongInTheUsersLanguage() throws Exception {
        Run badUrl = run(Language.ENGLISH, mirror.toString(), "--url", "ftp://x/");
        assertThat(badUrl.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badUrl.out()).isEmpty();
        assertThat(badUrl.err()).contains("'ftp://x/'").contains("http or https");

        Run badToolchain = run(Language.ENGLISH, mirror.toString(), "--url", "https://x", "--toolchain", "go1.23.5;rm");
        assertThat(badToolchain.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badToolchain.out()).isEmpty();

        Run none = run(Language.SIMPLIFIED_CHINESE, tmp.resolve("nothing").toString(), "--url", "https://x");
        assertThat(none.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("没有工具链目录结构");

        Run missing = run(Language.ENGLISH, mirror.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("--url");
    }
}
