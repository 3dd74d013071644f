package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The active link ~/sdk/go: switched without a moment where it points nowhere (POSIX), a junction on Windows. */
class SdkRootTest {
    @TempDir
    Path tmp;

    static GoVersion v(String name) {
        return GoVersion.parse(name).orElseThrow();
    }

    static void fakeInstall(Path root, String version) throws IOException {
        Path dir = Files.createDirectories(root.resolve(version).resolve("bin"));
        Files.writeString(dir.resolve("go"), "#!/bin/sh\n");
        Files.createFile(root.resolve(version).resolve(".unpacked-success"));
    }

    @Test
    void symlinkSwitchesBetweenVersionsAndNeverReplacesARealFolder() throws IOException {
        Path root = tmp.resolve("sdk");
        fakeInstall(root, "go1.22.5");
        fakeInstall(root, "go1.22.6");
        SdkRoot sdk = new SdkRoot(root, new ActiveLink.Symlink());
        assertThat(sdk.active()).isEmpty();
        sdk.activate(v("go1.22.5"));
        assertThat(sdk.active()).contains(v("go1.22.5"));
        sdk.activate(v("go1.22.6"));
        assertThat(sdk.active()).contains(v("go1.22.6"));
        assertThat(Files.readSymbolicLink(root.resolve("go"))).as("relative: the root can move").isEqualTo(Path.of("go1.22.6"));
        assertThat(root.resolve("go1.22.5/bin/go")).exists();

        assertThatThrownBy(() -> sdk.activate(v("go1.21.0"))).hasMessageContaining("not installed");
        Files.delete(root.resolve("go"));
        Files.createDirectory(root.resolve("go"));
        assertThatThrownBy(() -> sdk.activate(v("go1.22.5"))).hasMessageContaining("real folder");
    }

    /**
     * The Windows flow with the one system call (mklink /J) replaced: here a link to the absolute target,
     * which is what a junction is. What is tested is everything around it.
     */
    @Test
    void junctionFlowRemovesTheOldLinkOnlyAndReadsTheTargetFromTheRealPath() throws IOException {
        Path root = tmp.resolve("sdk");
        fakeInstall(root, "go1.22.5");
        fakeInstall(root, "go1.23.0");
        List<String> made = new ArrayList<>();
        ActiveLink.Junction junction = new ActiveLink.Junction((link, target) -> {
            assertThat(target).isAbsolute();
            made.add(link.getFileName() + " -> " + target.getFileName());
            Files.createSymbolicLink(link, target);
        });
        SdkRoot sdk = new SdkRoot(root, junction);
        sdk.activate(v("go1.22.5"));
        sdk.activate(v("go1.23.0"));
        assertThat(sdk.active()).contains(v("go1.23.0"));
        assertThat(made).hasSize(2).allMatch(s -> s.startsWith(".go-link-"));
        assertThat(root.resolve("go1.22.5/bin/go")).as("the old target is untouched").exists();
        try (var names = Files.list(root)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("go", "go1.22.5", "go1.23.0",
                    ".gosetup-history.json"); // the activations, for rollback (ActivationHistory)
        }
    }

    @Test
    void aLinkLeftByACrashIsRemovedWithoutTouchingItsTarget() throws IOException {
        Path root = tmp.resolve("sdk");
        fakeInstall(root, "go1.22.5");
        Files.createSymbolicLink(root.resolve(".go-link-crashed"), root.resolve("go1.22.5"));
        SdkRoot sdk = new SdkRoot(root, new ActiveLink.Symlink());
        Files.createDirectories(sdk.newStaging(v("go1.23.0")).resolve("go/bin"));
        assertThat(sdk.cleanLeftovers()).isEqualTo(2);
        assertThat(root.resolve(".go-link-crashed")).doesNotExist();
        assertThat(root.resolve("go1.22.5/bin/go")).exists();
        assertThat(sdk.installed()).containsExactly(v("go1.22.5"));
    }

    /** Only what gosetup made and marked is cleaned up: a user's folders with lookalike names stay. */
    @Test
    void leftoversAreOnlyWhatGosetupMarkedAsItsOwn() throws IOException {
        Path root = tmp.resolve("sdk");
        SdkRoot sdk = new SdkRoot(root, new ActiveLink.Symlink());
        Path staging = sdk.newStaging(v("go1.23.0"));
        Files.writeString(staging.resolve("VERSION"), "go1.23.0");
        Path notes = Files.writeString(Files.createDirectories(root.resolve(".staging-notes")).resolve("todo.txt"), "mine");
        Path photos = Files.writeString(Files.createDirectories(root.resolve(".trash-photos")).resolve("a.jpg"), "mine");
        Path docs = Files.writeString(Files.createDirectories(root.resolve(".go-link-docs")).resolve("README"), "mine");

        assertThat(sdk.cleanLeftovers()).isEqualTo(1);
        assertThat(staging).doesNotExist();
        assertThat(notes).hasContent("mine");
        assertThat(photos).hasContent("mine");
        assertThat(docs).hasContent("mine");
    }
}
