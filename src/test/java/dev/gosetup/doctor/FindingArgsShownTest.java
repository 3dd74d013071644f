package dev.gosetup.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a finding's sentence shows of its arguments, and what its fix still gets: the real paths. */
class FindingArgsShownTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getRoot(); // "/" here, "C:\" on Windows
    private static final Path HOME = ROOT.resolve("home").resolve("alex");
    private static final String OTHER = ROOT.resolve("usr").resolve("local").resolve("go").toString();
    private static final String PATH_VALUE = HOME.resolve("sdk").resolve("go").resolve("bin") + java.io.File.pathSeparator + OTHER;

    @Test
    void aWholePathInsideTheHomeFolderReadsFromTilde() {
        String path = HOME.resolve("sdk/go1.22.5").toString();
        Finding f = Finding.warn("x", "doctor.x", Finding.Fix.CHECK_SIGNATURE, "go1.22.5", path,
                OTHER, PATH_VALUE, "sdk/go", 42, HOME.toString(), "first line\n" + path);
        assertThat(f.argsShown(HOME)).containsExactly("go1.22.5", "~/sdk/go1.22.5",
                OTHER, // outside the home folder: as it is
                PATH_VALUE, // a PATH value is not one path
                "sdk/go", // relative: as it is
                42, "~", "first line\n" + path);
        assertThat(f.arg(1)).as("the fix acts on the real folder").isEqualTo(path);
        assertThat(f.argsShown(null)).containsExactly(f.args().toArray());
    }

    @Test
    void aHomeThatOnlySharesAPrefixIsNotTheHome() {
        String other = ROOT.resolve("home").resolve("alexander").resolve(".zshrc").toString();
        Finding f = Finding.warn("x", "doctor.x", null, other);
        assertThat(f.argsShown(HOME)).containsExactly(other);
    }

    @Test
    void listsStayLists() {
        Finding f = Finding.ok("x", "doctor.x", List.of("a"));
        assertThat(f.argsShown(HOME)).containsExactly(List.of("a"));
    }
}
