package dev.gosetup.fetch;

import java.time.Duration;
import java.util.Set;

/**
 * How downloads behave: HTTPS only unless plain HTTP is allowed for a host (a local mirror), bounded
 * retries with backoff, a stall timeout.
 */
public record FetchPolicy(Set<String> plainHttpHosts, int attempts, Duration firstBackoff, Duration maxBackoff,
                          Duration connectTimeout, Duration stallTimeout, int maxRedirects) {

    public static FetchPolicy defaults() {
        return new FetchPolicy(Set.of(), 5, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(20),
                Duration.ofSeconds(30), 5);
    }

    public FetchPolicy allowingPlainHttp(String host) {
        java.util.Set<String> hosts = new java.util.HashSet<>(plainHttpHosts);
        hosts.add(host);
        return new FetchPolicy(Set.copyOf(hosts), attempts, firstBackoff, maxBackoff, connectTimeout, stallTimeout, maxRedirects);
    }

    public FetchPolicy withStallTimeout(Duration stall) {
        return new FetchPolicy(plainHttpHosts, attempts, firstBackoff, maxBackoff, connectTimeout, stall, maxRedirects);
    }

    public FetchPolicy withBackoff(Duration first, Duration max) {
        return new FetchPolicy(plainHttpHosts, attempts, first, max, connectTimeout, stallTimeout, maxRedirects);
    }

    public boolean allows(java.net.URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && plainHttpHosts.contains(uri.getHost()));
    }
}
