package dev.gosetup.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.HasProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseListTest {

    static ReleaseList fixture(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Fixtures.root().resolve("godl").resolve(name))) {
            return ReleaseList.parse(in, name);
        }
    }

    static ReleaseList json(String text) {
        return ReleaseList.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void versionsOrderByGoRules() {
        List<String> names = List.of("go1.20.14", "go1.21rc1", "go1.21.0", "go1.21beta1", "go1.21rc2", "go1.9", "go1.10");
        List<String> sorted = names.stream().map(n -> GoVersion.parse(n).orElseThrow()).sorted().map(GoVersion::name).toList();
        assertThat(sorted).containsExactly("go1.9", "go1.10", "go1.20.14", "go1.21beta1", "go1.21rc1", "go1.21rc2", "go1.21.0");
        assertThat(GoVersion.parse("go1.20").orElseThrow().sameAs(GoVersion.parse("1.20.0").orElseThrow())).isTrue();
        assertThat(GoVersion.parse("go1.4-bootstrap-20170518")).isEmpty();
    }

    @Test
    void realAllReleasesListIsSortedNewestFirstDespiteItsOrder() throws IOException {
        ReleaseList list = fixture("golang-dl-include-all-2020.json");
        assertThat(list.releases()).hasSize(91);
        assertThat(list.releases().getFirst().version().name()).isEqualTo("go1.14rc1");
        assertThat(list.latestStable().orElseThrow().version().name()).isEqualTo("go1.13.7");
        assertThat(list.releases()).extracting(r -> r.version().name()).containsSubsequence("go1.13.7", "go1.13.6", "go1.13", "go1.12.16");
        assertThat(list.supportedLines()).containsExactly("1.13", "1.12");
    }

    @Test
    void findTakesWhatUsersType() throws IOException {
        ReleaseList list = fixture("golang-dl-include-all-2020.json");
        assertThat(list.find("latest").orElseThrow().version().name()).isEqualTo("go1.13.7");
        assertThat(list.find("1.12").orElseThrow().version().name()).isEqualTo("go1.12.16");
        assertThat(list.find("go1.13.0").orElseThrow().version().name()).isEqualTo("go1.13");
        assertThat(list.find("1.11.13").orElseThrow().version().name()).isEqualTo("go1.11.13");
        assertThat(list.find("1.99")).isEmpty();
    }

    @Test
    void supportStatus() throws IOException {
        ReleaseList list = fixture("golang-dl-include-all-2020.json");
        assertThat(list.supportOf(GoVersion.parse("go1.13.5").orElseThrow())).isEqualTo(new ReleaseList.SupportStatus(true, "go1.13.7"));
        assertThat(list.supportOf(GoVersion.parse("go1.11.13").orElseThrow()).supported()).isFalse();
        assertThat(list.supportOf(GoVersion.parse("go1.13.7").orElseThrow())).isEqualTo(new ReleaseList.SupportStatus(true, null));
    }

    @Test
    void choosesTheNativeArchiveAndNeverFallsBackSilently() throws IOException {
        ReleaseList stable = fixture("golang-dl-stable-2021-11-08.json");
        Release go117 = stable.find("1.17.3").orElseThrow();
        ArchiveChooser chooser = new ArchiveChooser();
        assertThat(chooser.choose(go117, new Platform("darwin", "arm64")))
                .isEqualTo(new ArchiveChooser.Choice.Found(go117.files().stream()
                        .filter(f -> f.filename().equals("go1.17.3.darwin-arm64.tar.gz")).findFirst().orElseThrow()));
        assertThat(chooser.choose(go117, new Platform("windows", "amd64")))
                .isInstanceOfSatisfying(ArchiveChooser.Choice.Found.class, f -> assertThat(f.file().filename()).endsWith(".windows-amd64.zip"));

        Release go113 = fixture("golang-dl-include-all-2020.json").find("1.13.7").orElseThrow();
        assertThat(chooser.choose(go113, new Platform("darwin", "arm64")))
                .isInstanceOfSatisfying(ArchiveChooser.Choice.NoBuild.class, n -> {
                    assertThat(n.platform()).isEqualTo("darwin-arm64");
                    assertThat(n.alternative().filename()).isEqualTo("go1.13.7.darwin-amd64.tar.gz");
                });
        assertThat(chooser.choose(go113, new Platform("linux", "riscv64")))
                .isEqualTo(new ArchiveChooser.Choice.NoBuild("linux-riscv64", null));
    }

    @Test
    void oldReleasesWithoutChecksumsAreVisible() throws IOException {
        Release go152 = fixture("golang-dl-include-all-2020.json").find("1.5.2").orElseThrow();
        GoFile linux = ((ArchiveChooser.Choice.Found) new ArchiveChooser().choose(go152, new Platform("linux", "amd64"))).file();
        assertThat(linux.hasChecksum()).isFalse();
    }

    @Test
    void badListsAreClearErrors() {
        assertThatThrownBy(() -> json("{ nope")).isInstanceOf(ReleaseListException.class).satisfies(HasProblem.key("releaseList.notJson"));
        assertThatThrownBy(() -> json("[]")).isInstanceOf(ReleaseListException.class).satisfies(HasProblem.key("releaseList.empty"));
        assertThatThrownBy(() -> json("[{\"version\":\"hello\"}]")).isInstanceOf(ReleaseListException.class)
                .satisfies(HasProblem.key("releaseList.noVersions"));
        assertThatThrownBy(() -> json("[{\"version\":\"go1.2\",\"files\":\"x\"}]")).isInstanceOf(ReleaseListException.class);
    }

    @Test
    void duplicatesAndUnknownFieldsAreTolerated() {
        ReleaseList list = json("[{\"version\":\"go1.22.1\",\"stable\":true,\"files\":[],\"new\":1},"
                + "{\"version\":\"go1.22.1\",\"stable\":true,\"files\":[]},{\"version\":\"go1.22.0\",\"files\":[]}]");
        assertThat(list.releases()).hasSize(2);
        assertThat(list.releases().get(1).stable()).isTrue(); // no "stable" field: derived from the name
    }

    @Test
    void platformSyntax() {
        assertThat(Platform.parse("linux-arm64")).isEqualTo(new Platform("linux", "arm64"));
        assertThatThrownBy(() -> Platform.parse("linux")).isInstanceOf(IllegalArgumentException.class)
                .satisfies(dev.gosetup.testing.HasProblem.key("release.platform.bad", "linux"));
    }
}
