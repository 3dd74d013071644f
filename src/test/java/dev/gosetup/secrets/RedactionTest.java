package dev.gosetup.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void thePasswordOfAUrlIsMaskedAndTheUserKept() {
        assertThat(Redaction.redact("Could not read https://ci:s3cr3t@artifactory.corp/go/dl.json (HTTP 500)"))
                .isEqualTo("Could not read https://ci:***@artifactory.corp/go/dl.json (HTTP 500)");
        assertThat(Redaction.redact("http://u:p%40ss@proxy:3128")).isEqualTo("http://u:***@proxy:3128");
        assertThat(Redaction.redact("http://u:p@ss@proxy:3128/")).as("an unencoded @ in the password").isEqualTo("http://u:***@proxy:3128/");
        assertThat(Redaction.redact("{\"url\":\"https://ci:tok@h:8443/go/x.tar.gz\"}")).isEqualTo("{\"url\":\"https://ci:***@h:8443/go/x.tar.gz\"}");
        assertThat(Redaction.redact("a https://a:1@x/ and http://b:2@y")).isEqualTo("a https://a:***@x/ and http://b:***@y");
    }

    @Test
    void aTokenGivenAsTheUserIsMaskedWhole() {
        assertThat(Redaction.redact("https://ghp_abc123@github.com/org/repo")).isEqualTo("https://***@github.com/org/repo");
    }

    @Test
    void aProxyWithoutSchemeIsMasked() {
        assertThat(Redaction.redact("HTTPS_PROXY=alex:hunter2@proxy.corp:3128")).isEqualTo("HTTPS_PROXY=alex:***@proxy.corp:3128");
        assertThat(Redaction.redact("alex:hunter2@proxy.corp:3128")).isEqualTo("alex:***@proxy.corp:3128");
    }

    @Test
    void textWithoutCredentialsIsLeftAlone() {
        for (String s : new String[] {"https://go.dev/dl/?mode=json", "mail ana@example.com", "https://h/pkg@v1.2.3",
                "field $.proxy: \"x\"", "GOFLAGS=-mod=mod", "time: 12:30 @home", "https://h:8443/a", ""}) {
            assertThat(Redaction.redact(s)).isEqualTo(s);
        }
        assertThat(Redaction.redact((String) null)).isNull();
    }

    @Test
    void theWriterMasksACredentialSplitAcrossWrites() {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(Redaction.writer(sink), true);
        out.print("from https://ci:se");
        out.print("cret@h/x");
        out.println();
        out.print("progress http://u:p@h/ 40%\r");
        out.flush();
        assertThat(sink.toString()).isEqualTo("from https://ci:***@h/x" + System.lineSeparator() + "progress http://u:***@h/ 40%\r");
    }
}
