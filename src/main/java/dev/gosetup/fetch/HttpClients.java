package dev.gosetup.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one HttpClient configuration: redirects handled by {@link HttpDownloader} (HTTPS only), proxies
 * from HTTPS_PROXY/NO_PROXY (what developers set in shells) and otherwise the system's
 * (java.net.useSystemProxies).
 */
public final class HttpClients {
    private HttpClients() {}

    public static HttpClient create(FetchPolicy policy) {
        return create(policy, java.util.List.of());
    }

    /** @param extraCaPemFiles certificates IT adds (a TLS-inspecting proxy's root), on top of the JDK's and the OS's */
    public static HttpClient create(FetchPolicy policy, java.util.List<java.nio.file.Path> extraCaPemFiles) {
        return HttpClient.newBuilder()
                .sslContext(TrustStores.sslContext(extraCaPemFiles))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                .proxy(proxySelector(System.getenv()))
                .build();
    }

    static ProxySelector proxySelector(Map<String, String> env) {
        String https = first(env, "HTTPS_PROXY", "https_proxy");
        String http = first(env, "HTTP_PROXY", "http_proxy");
        String noProxy = first(env, "NO_PROXY", "no_proxy");
        if (https == null && http == null) {
            return ProxySelector.getDefault() != null ? ProxySelector.getDefault() : HttpClient.Builder.NO_PROXY;
        }
        List<String> exclusions = noProxy == null ? List.of()
                : Arrays.stream(noProxy.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                if (excluded(host, exclusions)) {
                    return List.of(Proxy.NO_PROXY);
                }
                String spec = "https".equalsIgnoreCase(uri.getScheme()) && https != null ? https : http;
                if (spec == null) {
                    return List.of(Proxy.NO_PROXY);
                }
                URI proxy = URI.create(spec.contains("://") ? spec : "http://" + spec);
                int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
                return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                // the download reports the failure itself
            }
        };
    }

    /** NO_PROXY as curl reads it: "*", exact hosts, ".suffix" or "suffix" domain matches. */
    static boolean excluded(String host, List<String> exclusions) {
        for (String e : exclusions) {
            String x = e.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
            if (x.equals("*") || host.equals(x) || host.endsWith(x.startsWith(".") ? x : "." + x)) {
                return true;
            }
        }
        return false;
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

}
