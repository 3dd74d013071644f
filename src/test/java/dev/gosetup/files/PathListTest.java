package dev.gosetup.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PATH values captured on real Windows machines (src/test/fixtures/platform, INDEX.md says where each is from),
 * read by the rules Windows programs use: Go's filepath.SplitList for quotes, Win32 normalisation for trailing
 * spaces and dots. Path.of on Windows throws on the raw entries; here nothing throws and each entry means what
 * Windows makes of it.
 */
class PathListTest {
    private static final Path PLATFORM = dev.gosetup.testing.Fixtures.platform();

    @Test
    void aStrayQuoteFromARealPathIsRemovedAsGoDoes() throws IOException {
        String captured = Files.readAllLines(PLATFORM.resolve("windows_path_stray-quote_winpython1493.txt")).get(1);
        PathList list = PathList.parse(captured, true);
        assertThat(list.names()).startsWith("C:\\Windows\\system32", "C:\\Windows", "C:\\Windows\\System32\\Wbem",
                "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\", "C:\\Windows\\System32\\OpenSSH\\");
        // d:\aa" : the quote opens quoting that never closes, so the rest is one entry (Go's splitList does the same),
        // which as a name holds a ';' and a ':' past the drive: no folder, reported, skipped.
        assertThat(list.unusable()).hasSize(1).allMatch(raw -> raw.startsWith("d:\\aa\";C:\\Users"));
        assertThat(list.names()).hasSize(5);
    }

    @Test
    void trailingSpacesAndDotsGoAsInWin32() throws IOException {
        String error = Files.readString(PLATFORM.resolve("windows_path_trailing-space_xonsh3504.txt"));
        assertThat(error).contains("'C:\\\\Program Files '");
        PathList list = PathList.parse("C:\\Program Files ;C:\\Go\\bin.;.;..;C:\\tools\\..", true);
        assertThat(list.names()).containsExactly("C:\\Program Files", "C:\\Go\\bin", ".", "..", "C:\\tools\\..");
        assertThat(list.unusable()).isEmpty();
    }

    @Test
    void quotedEntriesMayHoldTheSeparator() {
        PathList list = PathList.parse("\"C:\\Program Files (x86)\\Yarn\\bin\";\"C:\\a;b\";C:\\Go\\bin", true);
        assertThat(list.names()).containsExactly("C:\\Program Files (x86)\\Yarn\\bin", "C:\\a;b", "C:\\Go\\bin");
    }

    @Test
    void impossibleWindowsNamesAreReportedNotThrown() {
        PathList list = PathList.parse("C:\\Go\\bin;C:\\bad|pipe;C:\\what?;C:\\x:y;;  ;C:\\ok", true);
        assertThat(list.names()).containsExactly("C:\\Go\\bin", "C:\\ok");
        assertThat(list.unusable()).containsExactly("C:\\bad|pipe", "C:\\what?", "C:\\x:y");
    }

    @Test
    void posixKeepsSpacesAndSkipsEmptyEntries() {
        PathList list = PathList.parse("/usr/local/go/bin::/opt/my tools /bin:", false);
        assertThat(list.names()).containsExactly("/usr/local/go/bin", "/opt/my tools /bin");
        assertThat(list.unusable()).isEmpty();
        assertThat(PathList.parse(null, false).dirs()).isEqualTo(List.of());
    }
}
