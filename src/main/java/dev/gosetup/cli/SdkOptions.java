package dev.gosetup.cli;

import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.ReleaseCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that read releases and fetch files (install, releases), with --home and --sdk-root. */
final class SdkOptions {
    @Mixin
    HomeOptions where = new HomeOptions();

    @Option(names = "--catalog", paramLabel = "FILE|URL", descriptionKey = "gosetup.opt.catalog")
    String catalog;

    @Option(names = "--mirror", paramLabel = "URL", descriptionKey = "gosetup.opt.mirror")
    String mirror;

    @Option(names = "--allow-http", paramLabel = "HOST", split = ",", descriptionKey = "gosetup.opt.allowHttp")
    List<String> allowHttp = List.of();

    Path home() {
        return where.home();
    }

    SdkRoot sdk() {
        return where.sdk();
    }

    FetchPolicy policy() {
        FetchPolicy p = FetchPolicy.defaults();
        for (String host : allowHttp) {
            p = p.allowingPlainHttp(host);
        }
        return p;
    }

    /** One client per command, made on first use and closed by {@link #closeClient()}. */
    private HttpClient client;

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClients.create(policy());
        }
        return client;
    }

    /**
     * Stops the client's selector thread. A thread left waiting in epoll makes the JVM's exit wait 300 ms
     * for it (VM_Exit waits for threads in native code), which every script calling gosetup would pay.
     */
    synchronized void closeClient() {
        if (client != null) {
            client.shutdownNow();
            client = null;
        }
    }

    HttpDownloader downloader() {
        return new HttpDownloader(this::client, policy());
    }

    ReleaseCatalog catalog(Path cacheDir) {
        return new ReleaseCatalog(this::client, policy(), cacheDir);
    }

    URI fileUri(String filename) {
        return ReleaseCatalog.fileUri(mirror, filename);
    }
}
