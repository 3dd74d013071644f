package dev.gosetup.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project files read the way the go command, goenv, asdf and mise read them, on real shapes of go.mod and go.work
 * (ory/talos's godebug block and replace, kubernetes' generated go.work, a CRLF module with retract, tool and
 * exclude lines and comments that mention go and toolchain).
 */
class ProjectFilesTest {
    @TempDir
    Path tmp;

    private Path copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = ProjectFilesTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
        return to;
    }

    private static Request only(ProjectFiles f, Request.Source source, String key) {
        return f.requests().stream().filter(r -> r.source() == source && r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void crlfModuleWithRetractToolAndCommentsGivesItsGoAndToolchainLines() throws IOException {
        Path mod = copy("payments.go.mod", tmp.resolve("payments/go.mod"));
        assertThat(Files.readString(mod)).contains("\r\n");
        ProjectFiles f = ProjectFiles.read(tmp.resolve("payments"), Map.of());
        Request go = only(f, Request.Source.GO_MOD, "go");
        assertThat(go.version()).isEqualTo("1.22.12");
        assertThat(go.line()).isEqualTo(4);
        assertThat(go.kind()).isEqualTo(Request.Kind.MINIMUM);
        Request tc = only(f, Request.Source.GO_MOD, "toolchain");
        assertThat(tc.raw()).isEqualTo("go1.23.5");
        assertThat(tc.version()).isEqualTo("1.23.5");
        assertThat(tc.line()).isEqualTo(6);
        assertThat(f.requests()).hasSize(2);
    }

    @Test
    void godebugBlocksAndReplaceLinesAreIgnoredAndASubfolderFindsTheModuleAbove() throws IOException {
        copy("talos.go.mod", tmp.resolve("talos/go.mod"));
        Path deep = Files.createDirectories(tmp.resolve("talos/internal/server"));
        ProjectFiles f = ProjectFiles.read(deep, Map.of());
        assertThat(f.goMod()).contains(tmp.resolve("talos/go.mod"));
        assertThat(f.requests()).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo("1.26.0");
            assertThat(r.line()).isEqualTo(3);
        });
    }

    @Test
    void goWorkAboveTheModuleIsWhatTheGoCommandReadsUnlessGoworkIsOff() throws IOException {
        copy("kubernetes.go.work", tmp.resolve("k8s/go.work"));
        copy("legacy.go.mod", tmp.resolve("k8s/staging/src/k8s.io/api/go.mod"));
        Path api = tmp.resolve("k8s/staging/src/k8s.io/api");
        ProjectFiles f = ProjectFiles.read(api, Map.of());
        assertThat(f.goFile()).contains(tmp.resolve("k8s/go.work"));
        assertThat(only(f, Request.Source.GO_WORK, "go").version()).isEqualTo("1.22");
        assertThat(only(f, Request.Source.GO_MOD, "toolchain").kind()).isEqualTo(Request.Kind.DEFAULT);
        ProjectFiles off = ProjectFiles.read(api, Map.of("GOWORK", "off"));
        assertThat(off.goWork()).isEmpty();
        assertThat(off.goFile()).contains(api.resolve("go.mod"));
    }

    @Test
    void goVersionFilesInEveryFormGoenvAndSetupGoAccept() throws IOException {
        Map<String, String> cases = Map.of("1.22\n", "LINE 1.22", "1.22.x", "LINE 1.22", "go1.22.5\n", "EXACT 1.22.5",
                "# pinned by the platform team\n\n  1.21.13  \n", "EXACT 1.21.13", "1.23rc1\r\n", "EXACT 1.23rc1", "latest\n", "INVALID null",
                "1.22.x.y", "INVALID null", "\u001b[31m1.22\n", "INVALID null");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path dir = Files.createDirectories(tmp.resolve("p" + i++));
            Files.writeString(dir.resolve(".go-version"), c.getKey());
            Request r = only(ProjectFiles.read(dir, Map.of()), Request.Source.GO_VERSION, "");
            assertThat(r.kind() + " " + r.version()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.raw()).as("no control characters shown").doesNotContain("\u001b");
        }
    }

    @Test
    void toolVersionsTakesTheFirstVersionOfTheGolangOrGoEntryFromTheNearestFileThatHasOne() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve(".tool-versions"), "nodejs 20.11.1\n# go for the services\ngolang 1.22.12 1.21.13 # fallback\n");
        Path web = Files.createDirectories(repo.resolve("web"));
        Files.writeString(web.resolve(".tool-versions"), "nodejs 22.1.0\n"); // nearer, but says nothing about Go
        ProjectFiles f = ProjectFiles.read(web, Map.of());
        assertThat(f.toolVersions()).contains(repo.resolve(".tool-versions"));
        Request r = only(f, Request.Source.TOOL_VERSIONS, "golang");
        assertThat(r.kind()).isEqualTo(Request.Kind.EXACT);
        assertThat(r.version()).isEqualTo("1.22.12");
        assertThat(r.line()).isEqualTo(3);

        Files.writeString(web.resolve(".tool-versions"), "go 1.23\n"); // mise's name
        Request mise = only(ProjectFiles.read(web, Map.of()), Request.Source.TOOL_VERSIONS, "go");
        assertThat(mise.kind()).isEqualTo(Request.Kind.LINE);
        assertThat(mise.version()).isEqualTo("1.23");
    }

    @Test
    void aHugeOrBinaryFileIsReportedNotRead() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("odd"));
        Files.write(dir.resolve("go.mod"), new byte[(int) ProjectFiles.MAX_BYTES + 1]);
        Files.write(dir.resolve(".go-version"), new byte[] {(byte) 0xff, (byte) 0xfe, '1'});
        ProjectFiles f = ProjectFiles.read(dir, Map.of());
        assertThat(f.requests()).isEmpty();
        assertThat(f.unreadable()).extracting(ProjectFiles.Unreadable::reasonKey)
                .containsExactlyInAnyOrder("project.unreadable.size", "project.unreadable.encoding");
    }
}
