package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.FileSystemException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The JDK often gives a failure no detail (its HTTP client, some file systems): the sentence then ends there, in
 * both languages, instead of "The secure connection failed: -" (seen with "(-)" on the Health page offline).
 * With a detail, the detail is shown as before.
 */
class ProblemsWithoutDetailTest {
    private static final List<Exception> WITHOUT = List.of(new ConnectException(), new UnknownHostException(),
            new SSLHandshakeException(null), new FileSystemException("/srv/go", null, null), new IllegalStateException());

    @Test
    void noSentenceEndsInAPlaceholder() {
        for (Messages m : List.of(Messages.of(Language.ENGLISH), Messages.of(Language.SIMPLIFIED_CHINESE))) {
            for (Exception e : WITHOUT) {
                Problem p = Problems.of(e);
                String said = m.text(p);
                assertThat(said).as(e.getClass().getSimpleName()).doesNotContain("-").doesNotContain("null").isNotBlank();
                m.todo(p).ifPresent(todo -> assertThat(todo).doesNotContain("-"));
            }
        }
        Messages en = Messages.of(Language.ENGLISH);
        assertThat(en.text(Problems.of(new SSLHandshakeException(null)))).isEqualTo("The secure connection failed.");
        assertThat(en.text(Problems.of(new FileSystemException("/srv/go", null, null)))).isEqualTo("The system could not use /srv/go.");
        assertThat(en.text(Problems.of(new IllegalStateException()))).startsWith("Unexpected error (IllegalStateException).");
        assertThat(Messages.of(Language.SIMPLIFIED_CHINESE).text(Problems.of(new SSLHandshakeException(null)))).isEqualTo("安全连接失败。");
    }

    @Test
    void aDetailIsStillShown() {
        Messages en = Messages.of(Language.ENGLISH);
        assertThat(en.text(Problems.of(new SSLHandshakeException("PKIX path building failed")))).contains("PKIX path building failed");
        assertThat(en.text(Problems.of(new UnknownHostException("mirror.corp.example")))).contains("mirror.corp.example");
        assertThat(en.text(Problems.of(new FileSystemException("/srv/go", null, "Stale file handle")))).contains("Stale file handle");
        assertThat(en.text(Problems.of(new IllegalStateException("bad state")))).contains("bad state");
    }
}
