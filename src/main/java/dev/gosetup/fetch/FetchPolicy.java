package dev.gosetup.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How downloads behave: HTTPS only unless plain HTTP is allowed for a host (a local mirror), bounded
 * retries with backoff, a stall timeout; and, when IT sets them, the proxy to use (over HTTPS_PROXY and
 * the system's) and extra CA certificates to trust.
 *
 * @param proxy        the proxy every request goes through, or null for HTTPS_PROXY / the system proxy
 * @param noProxy      hosts reached directly although {@code proxy} is set (curl's NO_PROXY rules)
 * @param extraCaFiles PEM files trusted in addition to the JDK's and the OS's roots
 */
public record FetchPolicy(Set<String> plainHttpHosts, int attempts, Duration firstBackoff, Duration maxBackoff,
                          Duration connectTimeout, Duration stallTimeout, int maxRedirects, URI proxy,
                          List<String> noProxy, List<Path> extraCaFiles) {

    public FetchPolicy {
        plainHttpHosts = Set.copyOf(plainHttpHosts);
        noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
        extraCaFiles = extraCaFiles == null ? List.of() : List.copyOf(extraCaFiles);
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(Set.of(), 5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(20),
                Duration.ofSeconds(30), 5, null, List.of(), List.of());
    }

    public FetchPolicy allowingPlainHttp(String host) {
        Set<String> hosts = new HashSet<>(plainHttpHosts);
        hosts.add(host);
        return new FetchPolicy(hosts, attempts, firstBackoff, maxBackoff, connectTimeout, stallTimeout, maxRedirects,
                proxy, noProxy, extraCaFiles);
    }

    public FetchPolicy withStallTimeout(Duration stall) {
        return new FetchPolicy(plainHttpHosts, attempts, firstBackoff, maxBackoff, connectTimeout, stall, maxRedirects,
                proxy, noProxy, extraCaFiles);
    }

    public FetchPolicy withBackoff(Duration first, Duration max) {
        return new FetchPolicy(plainHttpHosts, attempts, first, max, connectTimeout, stallTimeout, maxRedirects,
                proxy, noProxy, extraCaFiles);
    }

    /** Every request through {@code proxyUri} except to the {@code exceptions} hosts. */
    public FetchPolicy withProxy(URI proxyUri, List<String> exceptions) {
        return new FetchPolicy(plainHttpHosts, attempts, firstBackoff, maxBackoff, connectTimeout, stallTimeout, maxRedirects,
                proxyUri, exceptions, extraCaFiles);
    }

    public FetchPolicy trusting(List<Path> pemFiles) {
        return new FetchPolicy(plainHttpHosts, attempts, firstBackoff, maxBackoff, connectTimeout, stallTimeout, maxRedirects,
                proxy, noProxy, pemFiles);
    }

    public boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && plainHttpHosts.contains(uri.getHost()));
    }
}
