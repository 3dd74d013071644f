package dev.gosetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.testing.PlatformGuards;
import dev.gosetup.testing.PlatformGuards.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run on Linux, for the Windows runner: a test that makes a FIFO, sets or reads a POSIX mode or owner, or writes a
 * {@code #!/bin/sh} script fails there on its scaffolding, telling nothing about the product. Each one must be kept off Windows
 * (DisabledOnOs, EnabledOnOs, RunsLinuxAmd64Go, BuildsWithLinuxAmd64Go), ask the OS (testing/HostOs), or be a helper
 * only such tests call. src/test/PLATFORMS.md lists what is skipped where and why.
 */
class PlatformGuardsTest {
    private static final Path TESTS = Path.of("src/test/java");

    @Test
    void everyTestThatBuildsSomethingPosixIsKeptOffWindows() throws Exception {
        assertThat(TESTS.resolve("dev/gosetup")).isDirectory();
        List<Finding> findings = PlatformGuards.scan(TESTS);
        assertThat(findings).as("""
                these use a FIFO, a POSIX mode or owner, or a sh script with nothing keeping them off Windows: annotate the \
                method (or class) with @DisabledOnOs(value = OS.WINDOWS, disabledReason = "<the POSIX thing it needs>"), \
                or make the scaffolding portable (testing/HostOs), and add it to src/test/PLATFORMS.md""").isEmpty();
    }

    /** A skip says why: the runner's report shows the reason, so it names what the test needs. */
    @Test
    void everyOsConditionSaysWhy() throws Exception {
        List<String> bare = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(TESTS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")
                    && !f.endsWith("PlatformGuardsTest.java") && !f.endsWith("PlatformGuards.java")).toList()) {
                for (String a : PlatformGuards.annotations(Files.readString(p))) {
                    if (a.matches("@(Disabled|Enabled)OnOs\\b[\\s\\S]*") && !a.contains("disabledReason")) {
                        bare.add(TESTS.relativize(p) + ": " + a);
                    }
                }
            }
        }
        assertThat(bare).as("add disabledReason = \"<what the test needs that the other OS has not>\"").isEmpty();
    }

    /** The scan is not vacuous: it sees the POSIX scaffolding the suite has, and the guards on it. */
    @Test
    void theScanSeesTheSuitesPosixScaffolding() throws Exception {
        String fifo = Files.readString(TESTS.resolve("dev/gosetup/doctor/DoctorInputsTest.java"));
        assertThat(PlatformGuards.check("DoctorInputsTest.java", fifo)).isEmpty();
        String unguarded = fifo.replaceAll("(?m)^\\s*@DisabledOnOs\\(.*\\)\\s*\n", "");
        assertThat(unguarded).isNotEqualTo(fifo);
        assertThat(PlatformGuards.check("DoctorInputsTest.java", unguarded)).extracting(Finding::member, Finding::construct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aGoModThatIsAFifoIsNotWaitedOn", "mkfifo"));
    }

    @Test
    void aGuardOnTheMethodOrTheClassOrAnOsCheckCounts() {
        String body = "        new ProcessBuilder(\"mkfifo\", p.toString()).start();\n";
        assertThat(check("""
                class A {
                    @Test
                    void bare() throws Exception {
                %s    }
                }
                """.formatted(body))).containsExactly("bare: mkfifo");
        assertThat(check("""
                class A {
                    @Test
                    @DisabledOnOs(value = {OS.WINDOWS, OS.MAC}, disabledReason = "FIFOs {braces} (parens); semicolons")
                    void guarded() throws Exception {
                %s    }
                }
                """.formatted(body))).isEmpty();
        assertThat(check("""
                @EnabledOnOs(value = OS.LINUX, disabledReason = "Linux's /proc")
                class A {
                    @Test
                    void inAGuardedClass() throws Exception {
                %s    }
                }
                """.formatted(body))).isEmpty();
        assertThat(check("""
                @EnabledOnOs(OS.WINDOWS)
                class A {
                    @Test
                    void enabledOnWindowsIsNoGuard() throws Exception {
                %s    }
                }
                """.formatted(body))).containsExactly("enabledOnWindowsIsNoGuard: mkfifo");
        assertThat(check("""
                class A {
                    @Test
                    void asksTheOs() throws Exception {
                        if (!dev.gosetup.testing.HostOs.WINDOWS) {
                %s        }
                    }
                }
                """.formatted(body))).isEmpty();
    }

    @Test
    void aHelperIsGuardedByItsCallersOrByAnOsCheckItCalls() {
        String helper = """
                    static void fifo(Path p) throws Exception {
                        new ProcessBuilder("%s", p.toString()).start();
                    }
                """.formatted("mkfifo");
        assertThat(check("""
                class A {
                    @Test
                    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "FIFOs")
                    void one() throws Exception { fifo(tmp); }

                    @RunsLinuxAmd64Go
                    @Test
                    void two() throws Exception { fifo(tmp); }
                %s}
                """.formatted(helper))).isEmpty();
        assertThat(check("""
                class A {
                    @Test
                    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "FIFOs")
                    void one() throws Exception { fifo(tmp); }

                    @Test
                    void unguarded() throws Exception {
                        String s = "{ not a brace }"; /* } nor this { */ char c = '}'; // nor this }
                        fifo(tmp);
                    }
                %s}
                """.formatted(helper))).containsExactly("fifo: mkfifo");
        assertThat(check("""
                class A {
                    @Test
                    void callsAnOsCheck() throws Exception { fifo(tmp); }

                    static void fifo(Path p) throws Exception {
                        requireLinux();
                        new ProcessBuilder("%s", p.toString()).start();
                    }

                    static void requireLinux() {
                        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"));
                    }
                }
                """.formatted("mkfifo"))).isEmpty();
        assertThat(check("""
                class A {
                    @BeforeEach
                    void everyTest() throws Exception { fifo(tmp); }
                %s}
                """.formatted(helper))).as("a lifecycle method runs on its own").containsExactly("fifo: mkfifo");
    }

    @Test
    void anEmptyScriptOrAScriptReadAsDataIsNoScriptToRun() {
        String sh = "#!" + "/bin/sh";
        assertThat(check("""
                class A {
                    @Test
                    void marker() throws Exception {
                        Files.writeString(dir.resolve("go"), "%s\\n");
                    }

                    @Test
                    void data() throws Exception {
                        Files.writeString(dir.resolve("go"), "%s\\necho hi\\n"); %s
                    }

                    @Test
                    void runs() throws Exception {
                        Files.writeString(dir.resolve("go"), "%s\\necho go version\\n");
                    }

                    /** A comment about %s scripts is no script. */
                    @Test
                    void textBlock() throws Exception {
                        Files.writeString(dir.resolve("go"), \"""
                                %s
                                echo go
                                \""");
                    }
                }
                """.formatted(sh, sh, PlatformGuards.DATA, sh, sh, sh))).containsExactly("runs: a #!/bin/sh script", "textBlock: a #!/bin/sh script");
        assertThat(check("""
                class A {
                    void setUp() throws Exception {
                        Files.%s(go, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
                """.formatted("setPosixFilePermissions"))).as("a helper nobody in the file calls is on its own")
                .containsExactly("setUp: setPosixFilePermissions");
    }

    @Test
    void readingAModeOrAnOwnerIsPosixToo() {
        assertThat(check("""
                class A {
                    @Test
                    void owner() throws Exception {
                        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
                    }

                    @Test
                    void mode() throws Exception {
                        assertThat(Files.getPosixFilePermissions(file)).isNotEmpty();
                    }

                    @Test
                    void modeWhereThereAreModes() throws Exception {
                        if (HostOs.posixModes()) {
                            assertThat(Files.getPosixFilePermissions(file)).isNotEmpty();
                        }
                    }
                }
                """)).containsExactly("owner: unix: attributes", "mode: getPosixFilePermissions");
    }

    @Test
    void whatTheCutCannotReadIsReportedNotGuessed() {
        assertThatThrownBy(() -> PlatformGuards.check("B.java", "class B {\n  void x() {\n}\n")).hasMessageContaining("B.java");
        assertThatThrownBy(() -> PlatformGuards.check("C.java", "class C {\n /* open\n}\n")).hasMessageContaining("C.java");
    }

    private static List<String> check(String source) {
        return PlatformGuards.check("A.java", source).stream().map(f -> f.member() + ": " + f.construct()).toList();
    }
}
