package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.io.TempDir;

/** Every example policy in docs/it-guide.md is one gosetup reads as written, and one the published schema accepts. */
class ItGuideExamplesTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Path GUIDE = Path.of("docs/it-guide.md");
    private static final Path SCHEMA = Path.of("docs/policy.schema.json");

    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;

    static List<String> examples() throws Exception {
        List<String> blocks = new ArrayList<>();
        Matcher m = JSON_BLOCK.matcher(Files.readString(GUIDE));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyExampleIsAValidPolicy() throws Exception {
        List<String> examples = examples();
        assertThat(examples).as("pinned, choice, Artifactory, China, private modules, air-gapped").hasSizeGreaterThanOrEqualTo(6);
        Path pem = companyRoot();
        int i = 0;
        for (String example : examples) {
            Path file = tmp.resolve("example-" + i++ + ".json");
            Files.writeString(file, withCaFilesOnThisMachine(example, pem));
            ManagedSettings read = PolicyReader.read(file, Path.of("/home/ana"));
            assertThat(read.warnings()).as(example).isEmpty();
            assertThat(read.managedSettings().isEmpty() && read.policy().caCertificates().isEmpty()).as(example).isFalse();
        }
    }

    @Test
    void everyExampleValidatesAgainstTheSchema() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
        for (String example : examples()) {
            assertThat(schema.validate(example, InputFormat.JSON)).as(example).isEmpty();
        }
    }

    /** The schema is no mere decoration: it rejects what gosetup rejects. */
    @Test
    void theSchemaRejectsMistakes() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
        assertThat(schema.validate("{\"goVersion\": 1.22}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"goVersion\": \"latest\"}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"goEnv\": {\"GOPROXXY\": \"direct\"}}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"userMayChange\": [\"allowedGoVersions\"]}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"sdkRoot\": \"sdk\"}", InputFormat.JSON)).isNotEmpty();
        assertThat(schema.validate("{\"proxy\": \"proxy.example.com:3128\"}", InputFormat.JSON)).isNotEmpty();
    }

    /**
     * The company CA an example names is not on this machine, and the reader rightly insists on reading it:
     * a real certificate stands in at that path's place, so the rest of the example is checked as written.
     */
    private static String withCaFilesOnThisMachine(String example, Path pem) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(example);
        if (!root.has("caCertificates")) {
            return example;
        }
        ArrayNode stand = json.createArrayNode();
        root.get("caCertificates").forEach(c -> stand.add(pem.toString()));
        ((ObjectNode) root).set("caCertificates", stand);
        return json.writeValueAsString(root);
    }

    private Path companyRoot() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path keystore = tmp.resolve("ca.p12");
        Path pem = tmp.resolve("example-corp-root.pem");
        run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Example Corp Root", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "secret1");
        run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", keystore.toString(), "-storepass", "secret1",
                "-file", pem.toString());
        return pem;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
