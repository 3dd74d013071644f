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
 * The one HttpClient configuration: redirects handled by {@link HttpDownloader} (HTTPS only); the proxy
 * IT's policy names (through {@link FetchPolicy#proxy()}) over everything else, then HTTPS_PROXY/NO_PROXY
 * (what developers set in shells), otherwise the system's (java.net.useSystemProxies).
 */
public final class HttpClients {
    /**
     * The JDK refuses Basic credentials for the CONNECT that opens an HTTPS tunnel through a proxy
     * (jdk.http.auth.tunneling.disabledSchemes=Basic), so a proxy that asks for a password could never be
     * passed for HTTPS. gosetup sends proxy credentials only to the proxy they were given with (IT's
     * policy, HTTPS_PROXY or the user's setting: see {@link ProxyCredentials}), which is what that setting
     * is for, as curl does. Read once, when java.net.http first starts: set here before any client is made
     * (and by Main), unless the user set it.
     */
    static final String TUNNELING_DISABLED = "jdk.http.auth.tunneling.disabledSchemes";

    static {
        allowProxyBasicForTunnels();
    }

    private HttpClients() {}

    /** See {@link #TUNNELING_DISABLED}; call before anything uses java.net.http. */
    public static void allowProxyBasicForTunnels() {
        if (System.getProperty(TUNNELING_DISABLED) == null) {
            System.setProperty(TUNNELING_DISABLED, "");
        }
    }

    public static HttpClient create(FetchPolicy policy) {
        return create(policy, java.util.List.of());
    }

    /**
     * @param extraCaPemFiles certificates added on top of the policy's {@link FetchPolicy#extraCaFiles()} (a
     *                        TLS-inspecting proxy's root), the JDK's and the OS's
     */
    public static HttpClient create(FetchPolicy policy, java.util.List<java.nio.file.Path> extraCaPemFiles) {
        return create(policy, extraCaPemFiles, System.getenv());
    }

    static HttpClient create(FetchPolicy policy, java.util.List<java.nio.file.Path> extraCaPemFiles, Map<String, String> env) {
        java.util.List<java.nio.file.Path> pems = new java.util.ArrayList<>(policy.extraCaFiles());
        pems.addAll(extraCaPemFiles);
        HttpClient.Builder b = HttpClient.newBuilder()
                .sslContext(TrustStores.sslContext(pems))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(policy.connectTimeout())
                .proxy(proxySelector(policy, env));
        ProxyCredentials.of(proxySpecs(policy, env)).ifPresent(b::authenticator);
        return b.build();
    }

    /** The proxies this client may use, as written (with their credentials, if any). */
    static List<String> proxySpecs(FetchPolicy policy, Map<String, String> env) {
        if (policy.proxy() != null) {
            return List.of(policy.proxy().toString());
        }
        return java.util.stream.Stream.of(first(env, "HTTPS_PROXY", "https_proxy"), first(env, "HTTP_PROXY", "http_proxy"))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The policy's proxy wins over the environment: IT sets it for every account, whatever a shell exports. */
    static ProxySelector proxySelector(FetchPolicy policy, Map<String, String> env) {
        if (policy.proxy() != null) {
            return fixed(policy.proxy().toString(), policy.proxy().toString(), policy.noProxy());
        }
        return proxySelector(env);
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
        return fixed(https, http, exclusions);
    }

    /** https / http: the proxy for each scheme (either may be null: that scheme goes direct). */
    private static ProxySelector fixed(String https, String http, List<String> exclusions) {
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
