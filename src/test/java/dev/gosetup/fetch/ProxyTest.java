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
}
