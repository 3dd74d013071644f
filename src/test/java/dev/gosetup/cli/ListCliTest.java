package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.testing.RealBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gosetup list as scripts read it: the fields the issue names, from real headers and VERSION files. */
class ListCliTest {
    @TempDir
    Path tmp;

    CliResult run(String... args) {
        return CliResult.run(tmp, args);
    }

    @Test
    void jsonHasOneObjectPerInstallWithTheDocumentedFields() throws Exception {
        Path home = tmp.resolve("home");
        Path root = home.resolve("sdk/go1.22.5");
        Files.createDirectories(root);
        Files.writeString(root.resolve("VERSION"), "go1.22.5\ntime 2024-07-02T17:10:55Z\n");
        RealBinaries.copy(RealBinaries.DARWIN_ARM64, root.resolve("bin/go"));
        Files.createFile(root.resolve(".unpacked-success"));
        Files.createSymbolicLink(home.resolve("sdk/go"), Path.of("go1.22.5"));
        Path broken = Files.createDirectories(home.resolve(".gvm/gos/go1.17"));
        Files.writeString(broken.resolve("VERSION"), "go1.17\n");

        CliResult r = run("list", "--json", "--home", home.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        JsonNode sdk = find(list, "go1.22.5");
        assertThat(sdk.get("root").asText()).isEqualTo(root.toString());
        assertThat(sdk.get("os").asText()).isEqualTo("darwin");
        assertThat(sdk.get("arch").asText()).isEqualTo("arm64");
        assertThat(sdk.get("source").asText()).isEqualTo("sdk");
        assertThat(sdk.get("chosen").asBoolean()).isTrue();
        assertThat(sdk.get("sizeBytes").asLong()).isGreaterThan(100_000);
        for (String field : new String[] {"active", "onPath", "shadowedBy", "warnings"}) {
            assertThat(sdk.has(field)).as(field).isTrue();
        }
        JsonNode gvm = find(list, "go1.17");
        assertThat(gvm.get("source").asText()).isEqualTo("gvm");
        assertThat(gvm.get("warnings")).extracting(JsonNode::asText).containsExactly("broken");
        assertThat(gvm.get("problem").asText()).isEqualTo("no bin/go");

        assertThat(sdk.has("newTerminal")).as("newTerminal").isTrue();
        CliResult text = run("list", "--home", home.toString());
        assertThat(text.out()).contains("go1.22.5").contains("darwin-arm64").contains("Broken");
        // the unit the Installed versions page uses too, named
        assertThat(text.out()).contains(dev.gosetup.inventory.SizeUnit.mib(sdk.get("sizeBytes").asLong()) + " MiB");
    }

    static JsonNode find(JsonNode list, String version) {
        for (JsonNode n : list) {
            if (version.equals(n.get("version").asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + version + " in " + list);
    }
}
