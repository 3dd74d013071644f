package dev.gosetup.install;

import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.settings.AppPaths;
import dev.gosetup.settings.Settings;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.signature.Strictness;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;

/**
 * Where releases and files come from and where they go, from the settings: one place for the window
 * (the command line's options build the same pieces).
 */
public record InstallSources(String releaseList, String fileMirror, FetchPolicy policy, Path cacheDir, SdkRoot sdk,
                             Strictness signatures, List<Path> signingKeys) {

    /** Sources that check the SHA-256 only (signatures off): for tests of the window's download and unpacking. */
    public InstallSources(String releaseList, String fileMirror, FetchPolicy policy, Path cacheDir, SdkRoot sdk) {
        this(releaseList, fileMirror, policy, cacheDir, sdk, Strictness.OFF, List.of());
    }

    /** @param sdkRoot where this user's installs go ({@code AppContext.installRoot()}) */
    public static InstallSources of(Settings settings, AppPaths paths, Path sdkRoot) {
        return new InstallSources(settings.releaseList(), settings.fileMirror(), fetchPolicy(settings), paths.cacheDir(),
                new SdkRoot(sdkRoot), strictness(settings), settings.signingKeys().stream().map(Path::of).toList());
    }

    /** The settings' strictness; without one, the default for a machine without a policy (a policy's is set by then). */
    public static Strictness strictness(Settings settings) {
        return Strictness.named(settings.signatures()).orElse(Strictness.defaultFor(false));
    }

    /** Signature checking as these sources ask for it, over the same client and rules as the downloads. */
    public ArchiveSignatures archiveSignatures() {
        HttpClient c = signatures == Strictness.OFF ? null : client();
        return new ArchiveSignatures(signatures, signingKeys, () -> c, policy);
    }

    /** Plain-HTTP hosts, the proxy, the extra CA certificates and the stall timeout the settings (or IT's policy) set. */
    public static FetchPolicy fetchPolicy(Settings settings) {
        return fetchPolicy(settings.plainHttpHosts(), settings.proxy(), settings.noProxy(), settings.caCertificates())
                .withStallTimeout(settings.stallTimeout());
    }

    /** @param proxy null for HTTPS_PROXY / the system's proxy */
    public static FetchPolicy fetchPolicy(List<String> plainHttpHosts, String proxy, List<String> noProxy,
                                          List<String> caCertificates) {
        FetchPolicy policy = FetchPolicy.defaults();
        for (String host : plainHttpHosts) {
            policy = policy.allowingPlainHttp(host);
        }
        if (proxy != null) {
            policy = policy.withProxy(URI.create(proxy), noProxy);
        }
        return policy.trusting(caCertificates.stream().map(Path::of).toList());
    }

    private HttpClient client() {
        return HttpClients.create(policy);
    }

    public ReleaseCatalog catalog() {
        return new ReleaseCatalog(client(), policy, cacheDir);
    }

    /** What installing {@code file} of {@code version} from this mirror means (refused when the list's entry is unusable). */
    public InstallPlan plan(dev.gosetup.release.GoVersion version, dev.gosetup.release.GoFile file) {
        return InstallPlan.from(version, file, fileMirror);
    }

    /** The folder files come from (what a reachability check probes). */
    public URI fileBase() {
        return ReleaseCatalog.fileBase(fileMirror);
    }

    public Installer installer() {
        return new Installer(sdk, new HttpDownloader(client(), policy), ArchiveLimits.defaults(), archiveSignatures());
    }
}
