package dev.gosetup.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.settings.VersionRules;
import dev.gosetup.testing.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the notices say, from real go.dev lists (src/test/fixtures/godl) and the policy's version rules. */
class UpdateAdvisorTest {
    private static ReleaseList list(String name) throws Exception {
        Path file = Fixtures.root().resolve("godl").resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            return ReleaseList.parse(in, file.toString());
        }
    }

    private static GoVersion v(String s) {
        return GoVersion.parse(s).orElseThrow();
    }

    @Test
    void aNewerPatchOfASupportedLineAndANewerLine() throws Exception {
        ReleaseList stable = list("golang-dl-stable-2021-11-08.json"); // go1.17.3, go1.16.10
        UpdateNotice n = UpdateAdvisor.advise(stable, v("go1.16.5"), VersionRules.NONE).orElseThrow();
        assertThat(n.newerPatch()).isEqualTo(v("go1.16.10"));
        assertThat(n.lineSupported()).isTrue();
        assertThat(n.newerLine()).isEqualTo(v("go1.17.3"));
        assertThat(n.target()).isEqualTo(v("go1.16.10"));
        assertThat(n.changesLine()).isFalse();
        assertThat(n.key()).isEqualTo("update.notice.patch");
    }

    @Test
    void theNewestPatchOfAnOlderSupportedLineHearsOfTheNewerLineOnly() throws Exception {
        UpdateNotice n = UpdateAdvisor.advise(list("golang-dl-stable-2021-11-08.json"), v("go1.16.10"), VersionRules.NONE).orElseThrow();
        assertThat(n.newerPatch()).isNull();
        assertThat(n.target()).isEqualTo(v("go1.17.3"));
        assertThat(n.changesLine()).isTrue();
        assertThat(n.key()).isEqualTo("update.notice.line");
    }

    @Test
    void theNewestOfTheNewestLineHearsNothing() throws Exception {
        assertThat(UpdateAdvisor.advise(list("golang-dl-stable-2021-11-08.json"), v("go1.17.3"), VersionRules.NONE)).isEmpty();
        // Newer than anything the (old, cached) list knows: nothing to say either.
        assertThat(UpdateAdvisor.advise(list("golang-dl-stable-2021-11-08.json"), v("go1.22.12"), VersionRules.NONE)).isEmpty();
    }

    @Test
    void anUnsupportedLineWithANewerPatch() throws Exception {
        ReleaseList all = list("golang-dl-include-all-2020.json"); // newest lines 1.13 and 1.12; 1.11 unsupported
        UpdateNotice n = UpdateAdvisor.advise(all, v("go1.11.2"), VersionRules.NONE).orElseThrow();
        assertThat(n.lineSupported()).isFalse();
        assertThat(n.newerPatch()).isNotNull();
        assertThat(n.newerPatch().line()).isEqualTo("1.11");
        assertThat(n.newerPatch().compareTo(v("go1.11.2"))).isPositive();
        assertThat(n.newerLine()).isEqualTo(all.latestStable().orElseThrow().version());
        assertThat(n.key()).isEqualTo("update.notice.patchUnsupported");
        // The newest patch of that unsupported line: only the line is left to say.
        UpdateNotice last = UpdateAdvisor.advise(all, n.newerPatch(), VersionRules.NONE).orElseThrow();
        assertThat(last.key()).isEqualTo("update.notice.unsupported");
        assertThat(last.target()).isEqualTo(v("go1.13.7"));
    }

    @Test
    void preReleasesAreNeverOffered() throws Exception {
        ReleaseList all = list("golang-dl-include-all-2020.json"); // has go1.14beta1 / rc entries
        assertThat(all.releases()).anyMatch(r -> !r.stable());
        UpdateNotice n = UpdateAdvisor.advise(all, v("go1.13.5"), VersionRules.NONE).orElseThrow();
        assertThat(n.target()).isEqualTo(v("go1.13.7"));
        assertThat(n.newerLine()).isNull();
    }

    @Test
    void aPinnedLineKeepsNoticesWithinIt() throws Exception {
        ReleaseList stable = list("golang-dl-stable-2021-11-08.json");
        VersionRules pinLine = new VersionRules("1.16", true, List.of());
        UpdateNotice n = UpdateAdvisor.advise(stable, v("go1.16.5"), pinLine).orElseThrow();
        assertThat(n.newerPatch()).isEqualTo(v("go1.16.10"));
        assertThat(n.newerLine()).as("nothing beyond the pin").isNull();
        // An exact pin that is already active: nothing at all, even unlocked.
        assertThat(UpdateAdvisor.advise(stable, v("go1.16.5"), new VersionRules("1.16.5", false, List.of()))).isEmpty();
    }

    @Test
    void allowedVersionsLimitWhatIsOffered() throws Exception {
        ReleaseList stable = list("golang-dl-stable-2021-11-08.json");
        UpdateNotice n = UpdateAdvisor.advise(stable, v("go1.16.5"), new VersionRules(null, false, List.of("1.16.5", "1.17"))).orElseThrow();
        assertThat(n.newerPatch()).isNull();
        assertThat(n.target()).isEqualTo(v("go1.17.3"));
        assertThat(UpdateAdvisor.advise(stable, v("go1.16.5"), new VersionRules(null, false, List.of("1.16")))
                .map(UpdateNotice::target)).contains(v("go1.16.10"));
        assertThat(UpdateAdvisor.advise(stable, v("go1.16.5"), new VersionRules(null, false, List.of("1.16.5")))).isEmpty();
    }

    @Test
    void newestOfALineForUpdateLine() throws Exception {
        ReleaseList all = list("golang-dl-include-all-2020.json");
        assertThat(UpdateAdvisor.newestOfLine(all, "1.12", VersionRules.NONE).map(r -> r.version().name())).contains("go1.12.16");
        assertThat(UpdateAdvisor.newestOfLine(all, "1.12", new VersionRules(null, false, List.of("1.12.15")))
                .map(r -> r.version().name())).contains("go1.12.15");
        assertThat(UpdateAdvisor.newestOfLine(all, "1.99", VersionRules.NONE)).isEmpty();
    }
}
