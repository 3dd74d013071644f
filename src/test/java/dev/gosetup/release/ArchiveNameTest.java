package dev.gosetup.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which names of a release list may become a file or a URL, and where they then go. */
class ArchiveNameTest {
    @TempDir
    Path tmp;

    static final GoVersion V = GoVersion.parse("go1.22.5").orElseThrow();

    static GoFile file(String name) {
        return new GoFile(name, "linux", "amd64", "go1.22.5", "a".repeat(64), 1, "archive");
    }

    static ArchiveName good() {
        return ArchiveName.of(V, file("go1.22.5.linux-amd64.tar.gz"));
    }

    @Test
    void everyFileOfTheRealListsIsUsableExceptTheBootstrapToolchain() throws Exception {
        for (String fixture : List.of("golang-dl-include-all-2020.json", "golang-dl-stable-2021-11-08.json")) {
            for (Release r : ReleaseListTest.fixture(fixture).releases()) {
                for (GoFile f : r.files()) {
                    if (f.filename().startsWith("go1.4-bootstrap")) {
                        assertThat(ArchiveName.problem(r.version(), f)).as(f.filename()).isPresent();
                    } else {
                        assertThat(ArchiveName.problem(r.version(), f)).as(f.filename()).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void eachHostileShapeIsRefusedWithItsReason() {
        record Case(GoFile file, String reason) {}
        List<Case> cases = List.of(
                new Case(file(""), "releaseList.entry.empty"),
                new Case(file("/etc/go1.22.5.linux-amd64.tar.gz"), "releaseList.entry.path"),
                new Case(file("sub/go1.22.5.linux-amd64.tar.gz"), "releaseList.entry.path"),
                new Case(file("..\\go1.22.5.linux-amd64.tar.gz"), "releaseList.entry.path"),
                new Case(file("..go1.22.5.linux-amd64.tar.gz"), "releaseList.entry.path"),
                new Case(file("C:go1.22.5.linux-amd64.tar.gz"), "releaseList.entry.path"),
                new Case(file("go1.22.5.linux-amd64.tar.gz\u0000"), "releaseList.entry.control"),
                new Case(file("go1.22.5.linux-amd64\r.tar.gz"), "releaseList.entry.control"),
                new Case(file("go1.22.5.linux-amd64.tar.gz".repeat(4)), "releaseList.entry.tooLong"),
                new Case(file("go1.22.5.linux-amd64.tar.gz%00"), "releaseList.entry.notGoName"),
                new Case(file("GO1.22.5.LINUX-AMD64.TAR.GZ"), "releaseList.entry.notGoName"),
                new Case(file("go1.22.5.linux-amd64.exe"), "releaseList.entry.notGoName"),
                new Case(file("go1.22.5.linux-amd64 .tar.gz"), "releaseList.entry.notGoName"),
                new Case(file("go1.22.5.src.zip"), "releaseList.entry.notGoName"),
                new Case(file("go1.22.4.linux-amd64.tar.gz"), "releaseList.entry.otherVersion"),
                new Case(new GoFile("go1.22.5.linux-amd64.tar.gz", "linux", "amd64", "go1.22.4", "", 1, "archive"), "releaseList.entry.otherVersion"),
                new Case(file("go1.22.5.linux-arm64.tar.gz"), "releaseList.entry.otherPlatform"),
                new Case(file("go1.22.5.src.tar.gz"), "releaseList.entry.otherPlatform"),
                new Case(new GoFile("go1.22.5.linux-amd64.tar.gz", "linux", "amd64", "go1.22.5", "", 1, "installer"), "releaseList.entry.otherKind"),
                new Case(new GoFile("go1.22.5.linux-amd64.tar.gz", "linux", "amd64", "go1.22.5", "", 1, null), "releaseList.entry.otherKind"));
        for (Case c : cases) {
            assertThat(ArchiveName.problem(V, c.file())).as(c.file().filename())
                    .hasValueSatisfying(p -> assertThat(p.key()).isEqualTo(c.reason()));
            assertThatThrownBy(() -> ArchiveName.of(V, c.file())).as(c.file().filename())
                    .isInstanceOfSatisfying(ReleaseListException.class, e -> {
                        assertThat(e.problem().key()).isEqualTo("releaseList.badEntry");
                        assertThat(e.problem().args()).startsWith(V.name());
                        assertThat(((dev.gosetup.i18n.Problem) e.problem().args().get(3)).key()).isEqualTo(c.reason());
                    });
        }
        // the first release of a line was named go1.20 before go1.21: both spellings of it agree
        GoFile old = new GoFile("go1.20.linux-amd64.tar.gz", "linux", "amd64", "go1.20", "", 1, "archive");
        assertThat(ArchiveName.problem(GoVersion.parse("go1.20.0").orElseThrow(), old)).isEmpty();
    }

    @Test
    void messagesShowAHostileNameTamed() {
        assertThat(ArchiveName.printable("a\u001b[2Jb\nc\u202ed")).isEqualTo("a\\u001b[2Jb\\u000ac\\u202ed");
        assertThat(ArchiveName.printable("x".repeat(500))).hasSize(61).endsWith("…");
        assertThatThrownBy(() -> ArchiveName.of(V, file("go1.22.5\u001b[31m.linux-amd64.tar.gz")))
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void urlsStayInTheMirrorsFolderWhateverTheBaseLooksLike() {
        ArchiveName n = good();
        assertThat(ReleaseCatalog.fileUri(null, n)).hasToString("https://dl.google.com/go/go1.22.5.linux-amd64.tar.gz");
        assertThat(ReleaseCatalog.fileUri("https://m.example/go", n)).hasToString("https://m.example/go/go1.22.5.linux-amd64.tar.gz");
        assertThat(ReleaseCatalog.fileUri("https://m.example/go/", n)).hasToString("https://m.example/go/go1.22.5.linux-amd64.tar.gz");
        assertThat(ReleaseCatalog.fileUri("https://m.example", n)).hasToString("https://m.example/go1.22.5.linux-amd64.tar.gz");
        assertThat(ReleaseCatalog.fileUri("https://m.example/a/./b/../go/?x=1#top", n))
                .hasToString("https://m.example/a/go/go1.22.5.linux-amd64.tar.gz");
        assertThat(ReleaseCatalog.fileUri("https://user@m.example:8443/go", n)).hasToString("https://user@m.example:8443/go/go1.22.5.linux-amd64.tar.gz");
        assertThat(ReleaseCatalog.fileUri("file:///srv/mirror", n)).hasToString("file:/srv/mirror/go1.22.5.linux-amd64.tar.gz");
        assertThat(Path.of(ReleaseCatalog.fileUri(tmp.toString(), n))).isEqualTo(tmp.resolve("go1.22.5.linux-amd64.tar.gz"));
        assertThat(Path.of(ReleaseCatalog.fileUri(tmp + "/sub/../m", n))).isEqualTo(tmp.resolve("m/go1.22.5.linux-amd64.tar.gz"));
        assertThatThrownBy(() -> ReleaseCatalog.fileUri("file:relative", n)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anArchiveNameSaysWhatItIs() {
        ArchiveName n = ArchiveName.parse("go1.21rc2.windows-arm64.zip").orElseThrow();
        assertThat(List.of(n.version(), n.os(), n.arch(), n.kind())).containsExactly("go1.21rc2", "windows", "arm64", "archive");
        assertThat(n.isZip()).isTrue();
        assertThat(ArchiveName.parse("go1.22.5.src.tar.gz").orElseThrow().kind()).isEqualTo("source");
        assertThat(ArchiveName.parse("go1.22.5.darwin-arm64.pkg").orElseThrow().kind()).isEqualTo("installer");
        assertThat(ArchiveName.parse("go1.4.2.darwin-amd64-osx10.8.tar.gz").orElseThrow().arch()).isEqualTo("amd64");
        assertThat(ArchiveName.parse("go99999999999.1.linux-amd64.tar.gz")).as("numbers stay ints").isEmpty();
        assertThat(URI.create("https://m/" + n.urlSegment()).getPath()).isEqualTo("/go1.21rc2.windows-arm64.zip");
    }
}
