package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import dev.gosetup.testing.LoopbackServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The network check over real sockets: a host that answers (even 404), one that refuses, and local files skipped. */
@Timeout(30)
class ReachabilityTest {
    @Test
    void answersCountRefusalsAreExplainedAndLocalFilesNeedNoNetwork() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            var client = HttpClients.create(FetchPolicy.defaults().allowingPlainHttp("127.0.0.1"));
            List<Reachability.Result> results = Reachability.probe(client, java.util.Arrays.asList(
                    server.uri("/dl/?mode=json"), server.uri("/go/go1.22.5.linux-amd64.tar.gz"), // same host: asked once
                    URI.create("http://127.0.0.1:1/dl.json"), Path.of("/srv/mirror/dl.json").toUri(), null));
            assertThat(results).hasSize(2);
            assertThat(results.getFirst().problem()).as("a 404 still proves the way is open").isNull();
            assertThat(results.get(1).problem().key()).startsWith("error.net.refused");
            // the JDK's client gives no detail for a refusal: the sentence ends, without an empty "(-)"
            assertThat(Messages.of(Language.ENGLISH).text(results.get(1).problem())).startsWith("The connection was refused")
                    .doesNotContain("(-)");

            DoctorInput in = new DoctorInput(Map.of("PATH", ""), List.of(), null, Path.of("/home/dev"), Path.of("/home/dev/sdk"),
                    Map.of(), null, Map.of(), "cc", "linux", false).withNetwork(results);
            Finding f = Checks.network(in);
            assertThat(f.status()).isEqualTo(Finding.Status.FAIL);
            assertThat(f.args().getFirst()).isEqualTo(Problem.of("doctor.network.failure", "http://127.0.0.1:1/dl.json", results.get(1).problem()));
            assertThat(Messages.of(Language.ENGLISH).get(f.key() + ".detail", f.args().toArray())).contains("http://127.0.0.1:1/dl.json: ");
            assertThat(Messages.of(Language.SIMPLIFIED_CHINESE).get(f.key() + ".detail", f.args().toArray()))
                    .contains("http://127.0.0.1:1/dl.json：").doesNotContain("refused");
            assertThat(Checks.network(in.withNetwork(List.of(results.getFirst()))).status()).isEqualTo(Finding.Status.OK);
        }
    }
}
