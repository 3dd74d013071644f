package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gosetup.shell.BlockEditor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Startup files that are not files: a FIFO, a folder, a link to a device, a 50 MB file. Each of env,
 * env --apply, doctor and doctor --fix finishes within seconds, names the file and what it is, leaves it
 * alone, sets up the other files, and exits 1. Before, a FIFO hung every command for ever (opening a FIFO
 * for reading waits for a writer), a folder stopped the whole apply, and a link to /dev/null was read as
 * an empty file and would have been replaced by a regular file.
 */
class OddStartupFilesCliTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final List<String> FILES = List.of(".bashrc", ".profile", ".zprofile", ".zshrc");

    @TempDir
    Path tmp;
    Path home;

    enum Odd {
        FIFO(".bashrc", "named pipe"),
        FOLDER(".zshrc", "folder"),
        DEVICE_LINK(".bashrc", "device"),
        HUGE(".zshrc", "50 MB");

        final String file;
        final String words;

        Odd(String file, String words) {
            this.file = file;
            this.words = words;
        }
    }

    @BeforeEach
    void home() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
    }

    /** Puts the odd thing in place and ordinary files at the other startup files. */
    Path arrange(Odd odd) throws Exception {
        Path p = home.resolve(odd.file);
        Assumptions.assumeFalse(dev.gosetup.testing.HostOs.WINDOWS && (odd == Odd.FIFO || odd == Odd.DEVICE_LINK),
                "FIFOs (mkfifo) and device nodes (/dev/null, mknod) do not exist on Windows");
        switch (odd) {
            case FIFO -> assertThat(run("mkfifo", p.toString())).isZero();
            case FOLDER -> Files.writeString(Files.createDirectories(p).resolve("notes.txt"), "mine\n");
            case DEVICE_LINK -> Files.createSymbolicLink(p, nullDevice());
            case HUGE -> {
                try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                    f.setLength(50L << 20); // sparse: 50 MB that take no disk
                }
            }
        }
        for (String name : FILES) {
            if (!name.equals(odd.file)) {
                Files.writeString(home.resolve(name), "# " + name + "\nalias ll='ls -l'\n");
            }
        }
        return p;
    }

    /**
     * A null device of our own (mknod, as root) in the test folder: should a regression ever write through the
     * link, it replaces a node in the test folder, not the machine's /dev/null. Without root, /dev/null itself,
     * which then cannot be replaced either.
     */
    Path nullDevice() throws Exception {
        Path own = tmp.resolve("null");
        return run("mknod", own.toString(), "c", "1", "3") == 0 ? own : Path.of("/dev/null");
    }

    static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    CliResult cli(String... args) {
        return assertTimeoutPreemptively(PROMPTLY, () -> CliResult.run(tmp, args));
    }

    void assertLeftAlone(Odd odd, Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        switch (odd) {
            case FIFO -> assertThat(a.isOther()).as("still a FIFO").isTrue();
            case FOLDER -> assertThat(Files.readString(p.resolve("notes.txt"))).isEqualTo("mine\n");
            case DEVICE_LINK -> {
                assertThat(a.isSymbolicLink()).isTrue();
                assertThat(Files.readAttributes(p, BasicFileAttributes.class).isOther()).as("still a device").isTrue();
            }
            case HUGE -> assertThat(a.size()).isEqualTo(50L << 20);
        }
    }

    void assertOthersConfigured(Odd odd) throws IOException {
        for (String name : FILES) {
            if (!name.equals(odd.file)) {
                assertThat(Files.readString(home.resolve(name))).as(name).contains(BlockEditor.START).startsWith("# " + name + "\n");
            }
        }
        assertThat(home.resolve(".config/gosetup/env.sh")).exists();
    }

    @ParameterizedTest
    @EnumSource(Odd.class)
    void previewNamesTheFileAndShowsTheOthers(Odd odd) throws Exception {
        Path p = arrange(odd);
        CliResult r = cli("env", "--home", home.toString(), "--shell", "bash,zsh");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains(p.toString()).contains(odd.words).contains("left alone");
        for (String name : FILES) {
            if (!name.equals(odd.file)) {
                assertThat(r.out()).contains("+++ b/" + name);
            }
        }
        assertLeftAlone(odd, p);
    }

    @ParameterizedTest
    @EnumSource(Odd.class)
    void applySetsUpTheOthersAndSaysWhichWasLeftAlone(Odd odd) throws Exception {
        Path p = arrange(odd);
        CliResult r = cli("env", "--home", home.toString(), "--shell", "bash,zsh", "--apply", "--yes");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains(p.toString()).contains(odd.words).doesNotContain("Nothing was written");
        assertOthersConfigured(odd);
        assertLeftAlone(odd, p);

        CliResult undo = cli("env", "--home", home.toString(), "--shell", "bash,zsh", "--undo", "--yes");
        assertThat(undo.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(home.resolve(".profile"))).doesNotContain(BlockEditor.START);
        assertLeftAlone(odd, p);
    }

    @ParameterizedTest
    @EnumSource(Odd.class)
    void doctorReportsTheFileAndFixesTheOthers(Odd odd) throws Exception {
        Path p = arrange(odd);
        CliResult check = cli("doctor", "--offline", "--home", home.toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out()).contains(p.toString()).contains(odd.words);

        CliResult fix = cli("doctor", "--fix", "--yes", "--offline", "--home", home.toString());
        assertThat(fix.exitCode()).as(fix.out() + fix.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(fix.out() + fix.err()).contains(p.toString()).contains(odd.words);
        assertOthersConfigured(odd);
        assertLeftAlone(odd, p);
    }
}
