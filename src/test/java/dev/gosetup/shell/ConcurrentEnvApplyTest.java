package dev.gosetup.shell;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gosetup.settings.Settings;
import dev.gosetup.settings.SettingsStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one shell setup at once — two `env --apply`, or the window and the command line — take
 * turns on one lock: the second waits, checks its preview still holds, and goes ahead, so settings.json,
 * env.sh and the blocks end up agreeing on one of them; a lock held too long is a clean refusal naming
 * its holder. Before the lock, the second apply wrote env.sh and then failed on a startup file the first
 * had changed, leaving env.sh and settings.json saying different things.
 */
@Timeout(120)
class ConcurrentEnvApplyTest {
    private static final Pattern GOPATH = Pattern.compile("(?m)^export GOPATH=\"([^\"]*)\"$");

    @TempDir
    Path tmp;

    static Path home(Path dir) throws Exception {
        Path home = Files.createDirectories(dir);
        Files.writeString(home.resolve(".bashrc"), "alias ll='ls -l'\n");
        Files.writeString(home.resolve(".profile"), "# profile\n");
        return home;
    }

    static EnvSetup setup(Path home) {
        return new EnvSetup(new ShellFiles("linux", home, Map.of(), null), home.resolve(".config/gosetup"));
    }

    static String envShGopath(Path home) throws Exception {
        Matcher m = GOPATH.matcher(Files.readString(home.resolve(".config/gosetup/env.sh")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static void assertOneBlockEach(Path home) throws Exception {
        for (String name : List.of(".bashrc", ".profile")) {
            String text = Files.readString(home.resolve(name));
            assertThat(text.split(Pattern.quote(BlockEditor.START), -1)).as(name).hasSize(2);
        }
    }

    @Test
    void twoAppliesPreviewedAtOnceTakeTurnsAndLeaveOneAgreedSetup() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Path home = home(tmp.resolve("home" + round));
                SettingsStore store = new SettingsStore(tmp.resolve("config" + round + "/settings.json"));
                CyclicBarrier bothPreviewed = new CyclicBarrier(2);
                List<Future<?>> runs = new ArrayList<>();
                for (String gopath : List.of("/work/a", "/work/b")) {
                    runs.add(pool.submit(() -> {
                        Settings settings = Settings.defaults().withEnvironment(gopath, false, Map.of());
                        EnvSetup setup = setup(home);
                        EnvSetup.Plan plan = setup.plan(EnvSpec.of(settings, home, home.resolve("sdk")), EnumSet.of(Shell.BASH), Set.of());
                        bothPreviewed.await(10, SECONDS); // both previews exist before either writes
                        setup.apply(plan, () -> store.save(settings));
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(30, SECONDS); // neither fails: the second waits its turn
                }
                assertThat(store.load().gopath()).as("round " + round).isEqualTo(envShGopath(home)).isIn("/work/a", "/work/b");
                assertOneBlockEach(home);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesApplyingAtOnceAgreeAfterwards() throws Exception {
        Path home = home(tmp.resolve("home"));
        Path config = tmp.resolve("config");
        List<Process> children = new ArrayList<>();
        for (String gopath : List.of("/work/a", "/work/b")) {
            children.add(childJvm("-Dgosetup.config.dir=" + config, "-Dgosetup.log.dir=" + tmp.resolve("logs"), "dev.gosetup.Main",
                    "env", "--home", home.toString(), "--shell", "bash", "--apply", "--yes", "--gopath", gopath).start());
        }
        for (Process child : children) {
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
        }
        // --home moves the settings too: they are that home's own
        assertThat(config.resolve("settings.json")).doesNotExist();
        assertThat(new SettingsStore(home.resolve(".config/gosetup/settings.json")).load().gopath()).isEqualTo(envShGopath(home));
        assertOneBlockEach(home);
    }

    @Test
    void aLockHeldByAnotherProcessIsWaitedForBoundedlyThenRefusedNamingItsHolder() throws Exception {
        Path home = home(tmp.resolve("home"));
        Path scripts = home.resolve(".config/gosetup");
        Process holder = childJvm(LockHolder.class.getName(), scripts.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");
            EnvSetup setup = setup(home).withLockWait(Duration.ofSeconds(1));
            EnvSpec spec = EnvSpec.of(Settings.defaults(), home, home.resolve("sdk"));
            Throwable busy = catchThrowable(() -> setup.apply(setup.plan(spec, EnumSet.of(Shell.BASH), Set.of())));
            assertThat(busy).isInstanceOfSatisfying(EnvBusyException.class, e -> {
                assertThat(e.problem().key()).isEqualTo("env.busy.process");
                assertThat(e.problem().args()).hasSize(3).startsWith(scripts.toAbsolutePath().normalize(), String.valueOf(holder.pid()));
                assertThat((String) e.problem().args().get(2)).as("since when").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*");
            });
            assertThat(scripts.resolve("env.sh")).doesNotExist();
            assertThat(Files.readString(home.resolve(".bashrc"))).isEqualTo("alias ll='ls -l'\n");

            holder.getOutputStream().close(); // the holder finishes: the lock is free again
            assertThat(holder.waitFor(20, SECONDS)).isTrue();
            setup.apply(setup.plan(spec, EnumSet.of(Shell.BASH), Set.of()));
            assertOneBlockEach(home);
        } finally {
            holder.destroyForcibly();
        }
    }

    static ProcessBuilder childJvm(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }
}
