package dev.gosetup.mirror.toolchain;

import dev.gosetup.i18n.ProblemArgumentException;
import dev.gosetup.install.EntryGuard;
import dev.gosetup.mirror.sumdb.PublicSumDb;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The go command settings a client needs to take toolchains from a mirror, as environment variables in the order
 * they are printed: GOPROXY, GOSUMDB and, when asked for, GOTOOLCHAIN. The same values can go into the policy.
 *
 * <p>GOPROXY has no ",direct": an air-gapped client cannot reach origins anyway, and with "direct" a toolchain the
 * mirror lacks becomes a slow network failure (DNS, connect timeouts) that leaks module paths to the network,
 * instead of the mirror's clear "not found". A company module proxy for the other modules goes after the mirror
 * ({@code thenProxies}): cmd/go moves on to the next entry of a comma list when one answers 404 or 410.
 *
 * <p>GOSUMDB names a private database with its URL, so that cmd/go asks it directly (an explicit URL in GOSUMDB
 * bypasses the proxy's sumdb/ and the default host). For the proxied public database nothing is set: cmd/go's
 * default sum.golang.org is asked through GOPROXY ({@code <proxy>/sumdb/sum.golang.org/supported}).
 */
public final class ClientSettings {
    private ClientSettings() {}

    public static Map<String, String> of(ProxyManifest manifest, String mirrorUrl, List<String> thenProxies, String toolchain) {
        String base = checkedUrl(mirrorUrl);
        Map<String, String> env = new LinkedHashMap<>();
        StringBuilder proxy = new StringBuilder(base);
        for (String next : thenProxies) {
            proxy.append(',').append(checkedUrl(next));
        }
        env.put("GOPROXY", proxy.toString());
        if (!manifest.sumdb().proxied()) {
            env.put("GOSUMDB", manifest.sumdb().verifierKey() + " " + base + "/sumdb/" + manifest.sumdb().name());
        } else if (!manifest.sumdb().verifierKey().equals(PublicSumDb.SUM_GOLANG_ORG)) {
            env.put("GOSUMDB", manifest.sumdb().verifierKey()); // no URL: cmd/go reaches it through GOPROXY's sumdb/
        } // else: the default GOSUMDB (sum.golang.org), reached through the mirror; nothing to set
        if (toolchain != null) {
            if (!toolchain.matches("auto|path|local|go1(\\.[0-9]+){1,2}((rc|beta)[0-9]+)?(\\+auto|\\+path)?")) {
                throw new ProblemArgumentException("mirror.clientEnv.badToolchain", EntryGuard.printable(toolchain));
            }
            env.put("GOTOOLCHAIN", toolchain);
        }
        return env;
    }

    /** An absolute http(s) URL without query or fragment, trailing slashes dropped (cmd/go joins paths itself). */
    static String checkedUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || url.contains(",") || url.contains("|") || url.chars().anyMatch(c -> c <= ' ')) {
                throw new ProblemArgumentException("mirror.clientEnv.badUrl", EntryGuard.printable(url));
            }
            return url.strip().replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw new ProblemArgumentException("mirror.clientEnv.badUrl", EntryGuard.printable(url));
        }
    }
}
