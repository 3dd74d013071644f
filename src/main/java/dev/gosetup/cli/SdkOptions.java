package dev.gosetup.cli;

import dev.gosetup.AppContext;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.InstallSources;
import dev.gosetup.install.SdkRoot;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.settings.ManagedSettings;
import dev.gosetup.settings.PolicySetting;
import dev.gosetup.settings.Settings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of the commands that read releases and fetch files (install, releases), with --home and
 * --sdk-root. Without an option, what the organisation's policy sets applies; an option that contradicts a
 * locked policy value is refused.
 */
final class SdkOptions {
    @Mixin
    HomeOptions where = new HomeOptions();

    @Option(names = "--catalog", paramLabel = "FILE|URL", descriptionKey = "gosetup.opt.catalog")
    String catalog;

    @Option(names = "--mirror", paramLabel = "URL", descriptionKey = "gosetup.opt.mirror")
    String mirror;

    @Option(names = "--allow-http", paramLabel = "HOST", split = ",", descriptionKey = "gosetup.opt.allowHttp")
    List<String> allowHttp = List.of();

    @Option(names = "--signatures", paramLabel = "required|if-available|off", descriptionKey = "gosetup.opt.signatures")
    String signatures;

    private AppContext context;

    /** Binds the options to this run's policy and checks them against it (call first). */
    void use(AppContext runContext) {
        this.context = runContext;
        ManagedOptions.refuseContradiction(runContext, PolicySetting.RELEASE_LIST, catalog, "--catalog");
        ManagedOptions.refuseContradiction(runContext, PolicySetting.FILE_MIRROR, mirror, "--mirror");
        if (signatures != null && dev.gosetup.signature.Strictness.named(signatures).isEmpty()) {
            throw new IllegalArgumentException(runContext.messages().get("cli.signatures.unknown", signatures));
        }
        ManagedOptions.refuseContradiction(runContext, PolicySetting.SIGNATURES, signatures, "--signatures");
    }

    private ManagedSettings managed() {
        return context == null ? ManagedSettings.NONE : context.managed();
    }

    /** The policy's value of a setting that is one of Settings' strings, when the policy sets it. */
    private String managedValue(PolicySetting setting, String fromSettings) {
        return managed().managed(setting) ? fromSettings : null;
    }

    private Settings settings() {
        return context == null ? Settings.defaults() : context.settings();
    }

    /** The release list: --catalog, else the policy's, else go.dev (null). */
    String catalogSource() {
        return catalog != null ? catalog : managedValue(PolicySetting.RELEASE_LIST, settings().releaseList());
    }

    /**
     * The file mirror: --mirror, else the policy's, else — with a local --catalog FILE — FILE's own folder (an
     * offline copy of go.dev/dl keeps the archives beside its dl.json; never silently online), else
     * dl.google.com (null).
     */
    String mirrorSource() {
        if (mirror != null) {
            return mirror;
        }
        String managedMirror = managedValue(PolicySetting.FILE_MIRROR, settings().fileMirror());
        if (managedMirror != null) {
            return managedMirror;
        }
        return archivesBesideCatalog().map(Path::toString).orElse(null);
    }

    /** The folder of a --catalog that is a local file (a path or a file: URL), when archives come from there. */
    java.util.Optional<Path> archivesBesideCatalog() {
        if (mirror != null || managed().managed(PolicySetting.FILE_MIRROR) || catalog == null
                || catalog.matches("(?i)https?://.*")) {
            return java.util.Optional.empty();
        }
        Path file = catalog.startsWith("file:") ? Path.of(java.net.URI.create(catalog)) : Path.of(catalog);
        return java.util.Optional.ofNullable(file.toAbsolutePath().getParent());
    }

    Path home() {
        return where.home();
    }

    SdkRoot sdk() {
        return context == null ? new SdkRoot(where.sdkRoot != null ? where.sdkRoot : home().resolve("sdk")) : where.sdk(context);
    }

    /**
     * --allow-http hosts, and the policy's plain-HTTP hosts, proxy and CA certificates; the stall timeout of
     * the settings (the policy's when it sets one), as the window uses it.
     */
    FetchPolicy policy() {
        ManagedSettings m = managed();
        Settings s = settings();
        FetchPolicy p = InstallSources.fetchPolicy(
                m.managed(PolicySetting.PLAIN_HTTP_HOSTS) ? s.plainHttpHosts() : List.of(),
                m.managed(PolicySetting.PROXY) ? s.proxy() : null,
                m.managed(PolicySetting.NO_PROXY) ? s.noProxy() : List.of(),
                s.caCertificates()).withStallTimeout(s.stallTimeout());
        for (String host : allowHttp) {
            p = p.allowingPlainHttp(host);
        }
        return p;
    }

    /** One client per command, made on first use and closed by {@link #closeClient()}. */
    private HttpClient client;

    /** The command's HTTP client, for what fetches beyond archives (the public checksum database's records). */
    HttpClient httpClient() {
        return client();
    }

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

    /** Runs a command's body, then closes the HTTP client it may have made (see {@link #closeClient()}). */
    Integer closingClient(java.util.concurrent.Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } finally {
            closeClient();
        }
    }

    HttpDownloader downloader() {
        return new HttpDownloader(this::client, policy());
    }

    ReleaseCatalog catalog(Path cacheDir) {
        return new ReleaseCatalog(this::client, policy(), cacheDir);
    }

    /** How strictly signatures are asked for: --signatures, else the settings' (the policy's over the user's), else the default. */
    dev.gosetup.signature.Strictness strictness() {
        return signatures != null ? dev.gosetup.signature.Strictness.named(signatures).orElseThrow()
                : InstallSources.strictness(settings());
    }

    /** Signature checking for this command's installs, over the same client and rules as its downloads. */
    dev.gosetup.signature.ArchiveSignatures archiveSignatures() {
        return new dev.gosetup.signature.ArchiveSignatures(strictness(),
                settings().signingKeys().stream().map(Path::of).toList(), this::client, policy());
    }

    /** What installing {@code file} of {@code version} from the mirror means (refused when the list's entry is unusable). */
    InstallPlan plan(GoVersion version, GoFile file) {
        return InstallPlan.from(version, file, mirrorSource());
    }
}
