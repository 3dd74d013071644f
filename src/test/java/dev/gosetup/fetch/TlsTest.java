package dev.gosetup.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.gosetup.testing.HasProblem;
import dev.gosetup.testing.TrustedTempDir;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HTTPS server on loopback with a certificate no JDK trusts, like a company's TLS-inspecting
 * proxy: the failure names the host and the likely cause; with the company root added it works.
 */
@Timeout(60)
class TlsTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;
    HttpsServer server;
    Path pem;
    byte[] content = "go archive bytes".getBytes();

    @BeforeEach
    void start() throws Exception {
        Path keystore = tmp.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "s", "-keyalg", "EC", "-dname", "CN=Corp Inspecting Proxy", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "secret1");
        pem = tmp.resolve("corp-root.pem");
        run(keytool, "-exportcert", "-rfc", "-alias", "s", "-keystore", keystore.toString(), "-storepass", "secret1",
                "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "secret1".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret1".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, content.length);
            ex.getResponseBody().write(content);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/go.tar.gz");
    }

    @Test
    void unknownRootIsExplainedWithTheHost() {
        HttpDownloader d = new HttpDownloader(HttpClients.create(FetchPolicy.defaults()), FetchPolicy.defaults());
        assertThatThrownBy(() -> d.fetch(uri(), tmp.resolve("a.partial"), content.length, ByteSink.NONE, ProgressListener.NONE,
                new CancelToken())).isInstanceOf(DownloadException.class)
                .satisfies(HasProblem.key("download.tls", "127.0.0.1"));
    }

    @Test
    void theCompanyRootMakesItWork() throws Exception {
        HttpDownloader d = new HttpDownloader(HttpClients.create(FetchPolicy.defaults(), List.of(pem)), FetchPolicy.defaults());
        FetchResult r = d.fetch(uri(), tmp.resolve("b.partial"), content.length, ByteSink.NONE, ProgressListener.NONE, new CancelToken());
        assertThat(r.size()).isEqualTo(content.length);
    }

    /** IT's policy names the company root: every client the app makes trusts it, besides the JDK's and the OS's roots. */
    @Test
    void thePolicysCaCertificateIsTrusted() throws Exception {
        java.nio.file.Path policyFile = java.nio.file.Files.writeString(tmp.resolve("policy.json"),
                "{\"caCertificates\": [\"" + pem + "\"]}");
        dev.gosetup.settings.Settings effective = dev.gosetup.settings.PolicyReader.read(policyFile, tmp)
                .over(dev.gosetup.settings.Settings.defaults());
        FetchPolicy policy = dev.gosetup.install.InstallSources.fetchPolicy(effective);
        assertThat(policy.extraCaFiles()).containsExactly(pem);
        HttpDownloader d = new HttpDownloader(HttpClients.create(policy), policy);
        FetchResult r = d.fetch(uri(), tmp.resolve("c.partial"), content.length, ByteSink.NONE, ProgressListener.NONE, new CancelToken());
        assertThat(r.size()).isEqualTo(content.length);
    }
}
