package dev.gosetup.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyTest {
    @Test
    void httpsProxyAndNoProxyAsCurlReadsThem() {
        var selector = HttpClients.proxySelector(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost,.corp.example, artifactory.internal"));
        List<Proxy> viaProxy = selector.select(URI.create("https://dl.google.com/go/x.tar.gz"));
        assertThat(viaProxy).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(Proxy.Type.HTTP);
            assertThat(((InetSocketAddress) p.address()).getHostString()).isEqualTo("proxy.corp");
            assertThat(((InetSocketAddress) p.address()).getPort()).isEqualTo(3128);
        });
        assertThat(selector.select(URI.create("https://repo.corp.example/go/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://artifactory.internal/go/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://notcorp.example/"))).isEqualTo(viaProxy);
    }

    /** IT's proxy applies whatever a shell exports: HTTPS_PROXY pointing elsewhere does not win over the policy. */
    @Test
    void thePolicysProxyWinsOverHttpsProxy() {
        FetchPolicy policy = FetchPolicy.defaults().withProxy(URI.create("http://proxy.corp.example:8080"), List.of("artifactory.internal"));
        var selector = HttpClients.proxySelector(policy, Map.of("HTTPS_PROXY", "http://home-proxy:3128"));
        assertThat(selector.select(URI.create("https://dl.google.com/go/x.tar.gz"))).singleElement().satisfies(p ->
                assertThat(((InetSocketAddress) p.address()).getHostString()).isEqualTo("proxy.corp.example"));
        assertThat(selector.select(URI.create("http://plain.example/dl.json"))).singleElement().satisfies(p ->
                assertThat(((InetSocketAddress) p.address()).getPort()).isEqualTo(8080));
        assertThat(selector.select(URI.create("https://artifactory.internal/go/"))).containsExactly(Proxy.NO_PROXY);
        var withoutPolicy = HttpClients.proxySelector(FetchPolicy.defaults(), Map.of("HTTPS_PROXY", "http://home-proxy:3128"));
        assertThat(withoutPolicy.select(URI.create("https://dl.google.com/"))).singleElement().satisfies(p ->
                assertThat(((InetSocketAddress) p.address()).getHostString()).isEqualTo("home-proxy"));
    }
}
