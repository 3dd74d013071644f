package dev.gosetup.mirror.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.ProblemArgumentException;
import dev.gosetup.mirror.sumdb.PublicSumDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
    private static ProxyManifest manifest(String name, String key, boolean proxied) {
        return new ProxyManifest(new ProxyManifest.SumDb(name, key, proxied), List.of());
    }

    @Test
    void theProxiedPublicDatabaseNeedsNoGosumdbAndAPrivateOneItsUrl() {
        Map<String, String> pub = ClientSettings.of(manifest("sum.golang.org", PublicSumDb.SUM_GOLANG_ORG, true),
                "https://m.example/go/", List.of(), null);
        assertThat(pub).containsOnlyKeys("GOPROXY").containsEntry("GOPROXY", "https://m.example/go");

        Map<String, String> priv = ClientSettings.of(manifest("sumdb.x.invalid", "sumdb.x.invalid+01020304+AQ==", false),
                "http://10.0.0.5:8080", List.of("https://athens.example"), "go1.23.5+auto");
        assertThat(priv).containsExactly(Map.entry("GOPROXY", "http://10.0.0.5:8080,https://athens.example"),
                Map.entry("GOSUMDB", "sumdb.x.invalid+01020304+AQ== http://10.0.0.5:8080/sumdb/sumdb.x.invalid"),
                Map.entry("GOTOOLCHAIN", "go1.23.5+auto"));
    }

    @Test
    void urlsThatWouldBreakOrSplitGoproxyAreRefused() {
        ProxyManifest m = manifest("sumdb.x.invalid", "k", false);
        for (String bad : List.of("file:///srv/m", "https://a,b", "https://a|b", "https://a/?x=1", "https://a/#f", "https:// a", "m.example", "")) {
            assertThatThrownBy(() -> ClientSettings.of(m, bad, List.of(), null)).as(bad).isInstanceOf(ProblemArgumentException.class);
        }
        assertThatThrownBy(() -> ClientSettings.of(m, "https://ok", List.of("direct"), null)).isInstanceOf(ProblemArgumentException.class);
        assertThatThrownBy(() -> ClientSettings.of(m, "https://ok", List.of(), "go1.23.5\nGOFLAGS=-x")).isInstanceOf(ProblemArgumentException.class);
    }
}
