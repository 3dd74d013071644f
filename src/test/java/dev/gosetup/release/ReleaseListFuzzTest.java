package dev.gosetup.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gosetup.install.InstallPlan;
import dev.gosetup.install.SdkRoot;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Any bytes a mirror may send: the parser returns a list or says the list is bad, and does nothing else;
 * and every file of the list, chosen, is either refused as a bad entry or named by a URL directly in the
 * mirror's folder and a download file directly in the install root's download folder.
 */
class ReleaseListFuzzTest {
    private static final SdkRoot SDK = new SdkRoot(Path.of("/fuzz/sdk"));
    private static final List<String> MIRRORS = List.of("https://mirror.example/go/", "file:///srv/mirror", "/srv/mirror");
    private static final List<Platform> PLATFORMS = List.of(new Platform("linux", "amd64"), new Platform("darwin", "arm64"),
            new Platform("windows", "arm64"));

    @FuzzTest(maxDuration = "5s")
    void parsesOrRefuses(byte[] data) {
        ReleaseList list;
        try {
            list = ReleaseList.parse(new ByteArrayInputStream(data), "fuzz");
        } catch (ReleaseListException expected) {
            return; // a clear refusal is the right answer to garbage
        }
        list.latestStable();
        list.supportedLines();
        ArchiveChooser chooser = new ArchiveChooser();
        for (Release r : list.releases()) {
            for (GoFile f : r.files()) {
                staysInside(r.version(), f);
            }
            for (Platform p : PLATFORMS) {
                switch (chooser.choose(r, p)) {
                    case ArchiveChooser.Choice.Found found -> staysInside(r.version(), found.file());
                    case ArchiveChooser.Choice.NoBuild n -> {
                        if (n.alternative() != null) {
                            staysInside(r.version(), n.alternative());
                        }
                    }
                }
            }
        }
    }

    static void staysInside(GoVersion version, GoFile file) {
        for (String mirror : MIRRORS) {
            InstallPlan plan;
            try {
                plan = InstallPlan.from(version, file, mirror);
            } catch (ReleaseListException refused) {
                assertThat(ArchiveName.problem(version, file)).isPresent();
                return;
            }
            ArchiveName name = plan.archiveName();
            assertThat(name.urlSegment()).doesNotContain("/", "\\", "..", "%2F", "%5C", "?", "#");
            URI base = ReleaseCatalog.fileBase(mirror);
            assertThat(plan.source().toString()).isEqualTo(base + name.urlSegment());
            assertThat(plan.source().normalize()).isEqualTo(plan.source());
            if (plan.localArchive() != null) {
                assertThat(plan.localArchive().getParent()).isEqualTo(Path.of("/srv/mirror"));
            }
            Path partial = SDK.partialPath(name);
            assertThat(partial.getParent()).isEqualTo(SDK.downloads());
            assertThat(partial.normalize()).isEqualTo(partial);
        }
    }
}
