package dev.gosetup.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A test that reads or rebuilds real Go programs made by {@link GoToolBuilds}: it unpacks MultiGoMirror's
 * linux-amd64 Go and runs its {@code go build} (cross-compiling to darwin, windows and arm64 as asked), so only a
 * Linux x86-64 host can make them. The programs it judges are data and would be read the same anywhere; the
 * compiler that makes them is not. Sibling of {@link RunsLinuxAmd64Go}; see src/test/PLATFORMS.md.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledOnOs(value = OS.LINUX, architectures = "amd64",
        disabledReason = "builds its Go programs with the test mirror's linux-amd64 Go (testing/GoToolBuilds): needs a Linux x86-64 host")
public @interface BuildsWithLinuxAmd64Go {}
