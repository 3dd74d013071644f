package dev.gosetup.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.install.ArchiveLimits;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.Installer;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.TarGzBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log file the app names (Settings, error messages) really holds this session: started as the app
 * starts, with what the engine did, even while another gosetup (the window left open) writes to the same folder.
 */
@Timeout(120)
class SessionLogTest {
    private static final List<String> FOLDERS = List.of("gosetup.config.dir", "gosetup.log.dir", "gosetup.cache.dir");

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        FOLDERS.forEach(System::clearProperty);
        LogManager.getLogManager().reset(); // the JVM's other tests log nowhere, as before
    }

    @Test
    void theNamedLogFileHoldsThisSessionAlongsideAnotherRunningGosetup() throws Exception {
        Path logs = tmp.resolve("logs");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OtherSession.class.getName(), logs.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");

            System.setProperty("gosetup.config.dir", tmp.resolve("config").toString());
            System.setProperty("gosetup.log.dir", logs.toString());
            System.setProperty("gosetup.cache.dir", tmp.resolve("cache").toString());
            AppContext context = AppContext.start();
            assertThat(context.logFile()).isEqualTo(logs.resolve("gosetup0.log"));

            byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
            try (LoopbackServer server = new LoopbackServer()) {
                server.serve("/go1.22.5.linux-amd64.tar.gz", archive);
                GoFile file = new GoFile("go1.22.5.linux-amd64.tar.gz", "linux", "amd64", "go1.22.5", sha, archive.length, "archive");
                new Installer(new SdkRoot(tmp.resolve("sdk")), new HttpDownloader(HttpClient.newHttpClient(),
                        FetchPolicy.defaults().allowingPlainHttp("127.0.0.1")), ArchiveLimits.defaults())
                        .install(new InstallPlan(GoVersion.parse("go1.22.5").orElseThrow(), file,
                                server.uri("/go1.22.5.linux-amd64.tar.gz"), null), ProgressListener.NONE, new dev.gosetup.fetch.CancelToken());
            }
            LogSetup.flush();
            String log = Files.readString(context.logFile(), StandardCharsets.UTF_8);
            assertThat(log).contains("Session started").contains("Installed go1.22.5 in " + tmp.resolve("sdk/go1.22.5"))
                    .contains(sha);
            assertThat(log).as("both sessions in the one file").contains("the other gosetup is running");
        } finally {
            other.getOutputStream().close();
            other.waitFor(10, TimeUnit.SECONDS);
            other.destroyForcibly();
        }
        assertThat(Files.readString(logs.resolve("gosetup0.log"), StandardCharsets.UTF_8)).contains("the other gosetup ends");
    }
}
