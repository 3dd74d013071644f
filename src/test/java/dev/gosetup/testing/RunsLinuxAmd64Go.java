package dev.gosetup.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A test that runs the Go it installs from GoMirror or MultiGoMirror ({@code go version}, {@code go build}, a new
 * terminal's {@code go}), expects gosetup to have run it, or installs it as this machine's own Go (the window on
 * the live host): those archives are linux-amd64, so only a Linux x86-64 host can. On the macOS, Windows and Linux arm64 runners it shows as skipped with this reason; the real-os tests
 * (src/test/java/dev/gosetup/platform, cli/RealLoginShellTest) install and run the host's own Go from go.dev there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledOnOs(value = OS.LINUX, architectures = "amd64",
        disabledReason = "installs and runs the test mirror's linux-amd64 Go as this machine's Go: needs a Linux x86-64 host")
public @interface RunsLinuxAmd64Go {}
