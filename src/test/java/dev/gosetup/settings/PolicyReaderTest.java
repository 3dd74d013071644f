package dev.gosetup.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.gosetup.testing.TrustedTempDir;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in policy.json names the file, the field and what is wrong; unknown fields only warn. */
class PolicyReaderTest {
    @TempDir(factory = TrustedTempDir.class) // root reads policies only from folders no one else can write
    Path tmp;
    Path home = Path.of("/home/ana");

    Path write(String json) throws Exception {
        return Files.writeString(tmp.resolve("policy.json"), json);
    }

    ManagedSettings read(String json) throws Exception {
        return PolicyReader.read(write(json), home);
    }

    /** The error says FILE, field FIELD: WHAT. */
    void rejects(String json, String field, String what) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> PolicyReader.read(file, home)).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(file + ", field " + field + ": ").hasMessageContaining(what)
                .satisfies(e -> assertThat(((PolicyException) e).policyProblem().field()).isEqualTo(field));
    }

    @Test
    void aFullPolicyIsReadAsWritten() throws Exception {
        ManagedSettings m = read("""
                {"$schema": "https://gosetup.dev/policy.schema.json",
                 "goVersion": "1.22.5", "allowedGoVersions": ["1.22", "1.21.13"],
                 "releaseList": "https://artifactory.example.com/go-dl/?mode=json&include=all",
                 "fileMirror": "http://mirror.lan/go/", "plainHttpHosts": ["mirror.lan"],
                 "proxy": "http://proxy.example.com:3128", "noProxy": ["localhost", ".example.com"],
                 "goEnv": {"GOPROXY": "https://goproxy.cn,direct", "GOPRIVATE": "*.example.com"},
                 "gopath": "~/go-work", "sdkRoot": "/opt/go-sdk", "userMayChange": ["GOPRIVATE", "gopath"]}
                """);
        Policy p = m.policy();
        assertThat(p.goVersion()).isEqualTo("1.22.5");
        assertThat(p.allowedGoVersions()).containsExactly("1.22", "1.21.13");
        assertThat(p.fileMirror()).isEqualTo("http://mirror.lan/go/");
        assertThat(p.noProxy()).containsExactly("localhost", ".example.com");
        assertThat(p.goEnv()).containsEntry("GOPROXY", "https://goproxy.cn,direct");
        assertThat(p.gopath()).as("~/ is each user's home").isEqualTo("/home/ana/go-work");
        assertThat(m.warnings()).isEmpty();
        assertThat(m.file()).contains(tmp.resolve("policy.json"));
    }

    @Test
    void theStallTimeoutIsWholeSecondsWithinBoundsAndReachesTheSettings() throws Exception {
        ManagedSettings m = read("{\"stallTimeoutSeconds\": 120}");
        assertThat(m.policy().stallTimeoutSeconds()).isEqualTo(120);
        assertThat(m.over(Settings.defaults()).stallTimeout()).hasSeconds(120);
        assertThat(m.locked(PolicySetting.STALL_TIMEOUT)).isTrue();
        assertThat(read("{\"stallTimeoutSeconds\": 60, \"userMayChange\": [\"stallTimeoutSeconds\"]}")
                .over(Settings.defaults().withStallTimeoutSeconds(5)).stallTimeout()).as("unlocked: the user's own").hasSeconds(5);
        rejects("{\"stallTimeoutSeconds\": \"30\"}", "$.stallTimeoutSeconds", "must be a JSON integer, not a string");
        rejects("{\"stallTimeoutSeconds\": 2.5}", "$.stallTimeoutSeconds", "must be a JSON integer, not a number");
        rejects("{\"stallTimeoutSeconds\": 0}", "$.stallTimeoutSeconds", "whole seconds from 1 to 3600");
        rejects("{\"stallTimeoutSeconds\": 99999999999}", "$.stallTimeoutSeconds", "whole seconds from 1 to 3600");
    }

    @Test
    void invalidJsonSaysLineAndColumn() throws Exception {
        rejects("{\n  \"goVersion\": \"1.22.5\"\n  \"sdkRoot\": \"/opt\"\n}", "$", "line 3, column 3");
        rejects("", "$", "must hold one JSON object");
        rejects("[\"1.22\"]", "$", "must hold one JSON object");
        rejects("{\"goVersion\": \"1.22\", \"goVersion\": \"1.21\"}", "$", "Duplicate field");
    }

    @Test
    void wrongTypesNameTheField() throws Exception {
        rejects("{\"goVersion\": 1.22}", "$.goVersion", "must be a JSON string, not a number");
        rejects("{\"allowedGoVersions\": \"1.22\"}", "$.allowedGoVersions", "array of strings, not a string");
        rejects("{\"allowedGoVersions\": [\"1.22\", 21]}", "$.allowedGoVersions[1]", "string, not a number");
        rejects("{\"goEnv\": [\"GOPROXY=direct\"]}", "$.goEnv", "object, not a array");
        rejects("{\"goEnv\": {\"GOPROXY\": true}}", "$.goEnv.GOPROXY", "string, not a boolean");
        rejects("{\"sdkRoot\": \"  \"}", "$.sdkRoot", "must not be empty");
    }

    @Test
    void versionsMustLookLikeGoVersionsAndThePinMustBeAllowed() throws Exception {
        rejects("{\"goVersion\": \"latest\"}", "$.goVersion", "\"latest\" is not a Go version or line");
        rejects("{\"allowedGoVersions\": [\"1.22\", \"1.x\"]}", "$.allowedGoVersions[1]", "\"1.x\" is not a Go version");
        rejects("{\"goVersion\": \"1.21.13\", \"allowedGoVersions\": [\"1.22\"]}", "$.goVersion", "not among allowedGoVersions");
        assertThat(read("{\"goVersion\": \"go1.22.5\", \"allowedGoVersions\": [\"1.22\"]}").policy().goVersion()).isEqualTo("go1.22.5");
    }

    @Test
    void pathsMustBeAbsoluteAndPlainHttpNeedsItsHostListed() throws Exception {
        rejects("{\"sdkRoot\": \"sdk\"}", "$.sdkRoot", "\"sdk\" is a relative path");
        rejects("{\"releaseList\": \"mirror/dl.json\"}", "$.releaseList", "relative path");
        rejects("{\"fileMirror\": \"http://mirror.lan/go/\"}", "$.fileMirror", "mirror.lan is not in plainHttpHosts");
        rejects("{\"fileMirror\": \"ftp://mirror.lan/go/\"}", "$.fileMirror", "not a usable address");
        rejects("{\"plainHttpHosts\": [\"http://mirror.lan\"]}", "$.plainHttpHosts[0]", "not a host name");
        rejects("{\"proxy\": \"proxy.example.com:3128\"}", "$.proxy", "not a proxy address");
        assertThat(read("{\"fileMirror\": \"/srv/go-mirror\"}").policy().fileMirror()).isEqualTo("/srv/go-mirror");
    }

    @Test
    void caCertificatesMustBeReadablePem() throws Exception {
        rejects("{\"caCertificates\": [\"" + tmp.resolve("missing.pem") + "\"]}", "$.caCertificates[0]", "cannot be read");
        Path notPem = Files.writeString(tmp.resolve("not.pem"), "hello");
        rejects("{\"caCertificates\": [\"" + notPem + "\"]}", "$.caCertificates[0]", "holds no PEM certificate");
        rejects("{\"caCertificates\": [\"corp.pem\"]}", "$.caCertificates[0]", "relative path");
    }

    @Test
    void namesAreChecked() throws Exception {
        rejects("{\"goEnv\": {\"GOPROXXY\": \"direct\"}}", "$.goEnv.GOPROXXY", "not one of the Go variables");
        rejects("{\"userMayChange\": [\"GOPROXY\", \"mirror\"]}", "$.userMayChange[1]", "\"mirror\" is not a setting");
        rejects("{\"userMayChange\": [\"allowedGoVersions\"]}", "$.userMayChange[0]", "cannot be left to users");
    }

    @Test
    void unknownFieldsAreWarningsNotErrors() throws Exception {
        ManagedSettings m = read("{\"goVersion\": \"1.22\", \"fileMirorr\": \"https://x\", \"future\": 1}");
        assertThat(m.policy().goVersion()).isEqualTo("1.22");
        assertThat(m.warnings()).extracting(PolicyProblem::field).containsExactly("$.fileMirorr", "$.future");
        assertThat(m.warnings().getFirst().english()).contains("unknown field");
    }

    @Test
    void aMissingFileNamedExplicitlyIsAnError() {
        Path file = tmp.resolve("nope.json");
        assertThatThrownBy(() -> PolicyReader.read(file, home)).isInstanceOf(PolicyException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void theFileIsFoundOnEachOs() throws Exception {
        assertThat(PolicyLocation.osLocation("Linux", Map.of())).isEqualTo(Path.of("/etc/gosetup/policy.json"));
        assertThat(PolicyLocation.osLocation("Mac OS X", Map.of()))
                .isEqualTo(Path.of("/Library/Application Support/gosetup/policy.json"));
        assertThat(PolicyLocation.osLocation("Windows 11", Map.of("ProgramData", "D:\\ProgramData")))
                .isEqualTo(Path.of("D:\\ProgramData", "gosetup", "policy.json"));
        Path option = tmp.resolve("option.json");
        assertThat(PolicyLocation.find(option, "/installer/policy.json", "Linux", Map.of()))
                .contains(new PolicyLocation.Found(option, true));
        assertThat(PolicyLocation.find(null, "/installer/policy.json", "Linux", Map.of()))
                .as("the installer's file wins over the OS location").contains(new PolicyLocation.Found(Path.of("/installer/policy.json"), true));
        assertThat(List.of(PolicyLocation.PROPERTY)).containsExactly("gosetup.policy");
    }

    @Test
    void aPolicyBakedIntoTheImageAppliesWhenTheOsLocationHasNone() throws Exception {
        // Windows' location follows %ProgramData%, so a temporary folder stands in for the machine's.
        Map<String, String> env = Map.of("ProgramData", tmp.resolve("ProgramData").toString());
        Path baked = Files.writeString(tmp.resolve("app-policy.json"), "{}");
        String missingBaked = tmp.resolve("no-policy-here.json").toString();

        assertThat(PolicyLocation.find(null, null, "Windows 11", env, missingBaked))
                .as("every image names the baked file; most carry none: unmanaged").isEmpty();
        assertThat(PolicyLocation.find(null, null, "Windows 11", env, baked.toString()))
                .contains(new PolicyLocation.Found(baked, false));

        Path deployed = PolicyLocation.osLocation("Windows 11", env);
        Files.createDirectories(deployed.getParent());
        Files.writeString(deployed, "{}");
        assertThat(PolicyLocation.find(null, null, "Windows 11", env, baked.toString()))
                .as("what MDM deploys to the machine beats the installer's defaults")
                .contains(new PolicyLocation.Found(deployed, false));
    }
}
