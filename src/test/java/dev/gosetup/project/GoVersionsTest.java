package dev.gosetup.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The go command's version order (internal/gover), on the cases its own tests and go.dev/doc/toolchain name. */
class GoVersionsTest {
    @Test
    void languageVersionsSortBeforeTheirPrereleasesAndReleasesFrom121On() {
        List<String> sorted = List.of("1.19", "1.20", "1.20.14", "1.21", "1.21rc1", "1.21rc2", "1.21.0", "1.21.13", "1.22beta1",
                "1.22rc1", "1.22.0", "1.22.12", "1.23.5", "1.100.0");
        List<String> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        shuffled.sort(GoVersions::compare);
        assertThat(shuffled).containsExactlyElementsOf(sorted);
        assertThat(GoVersions.compare("1.20", "1.20.0")).as("before 1.21 a missing patch is .0").isZero();
        assertThat(GoVersions.compare("1.21", "1.21.0")).as("from 1.21 the language sorts first").isNegative();
        assertThat(GoVersions.compare("1.21.0", "1.21.0rc1")).isPositive();
        assertThat(GoVersions.compare("junk", "1.0")).as("malformed sorts before valid").isNegative();
        assertThat(GoVersions.compare("1.99999999999999999999", "1.21.0")).as("no overflow").isPositive();
    }

    @Test
    void languageToolchainNamesAndValidity() {
        assertThat(GoVersions.isLang("1.22")).isTrue();
        assertThat(GoVersions.isLang("1.22.0")).isFalse();
        assertThat(GoVersions.isLang("1.22rc1")).isFalse();
        assertThat(GoVersions.lang("1.22.12")).isEqualTo("1.22");
        assertThat(GoVersions.fromToolchain("go1.22.12")).isEqualTo("1.22.12");
        assertThat(GoVersions.fromToolchain("go1.21.1-custom")).isEqualTo("1.21.1");
        assertThat(GoVersions.fromToolchain("gccgo-go1.21rc2")).isEqualTo("1.21rc2");
        assertThat(GoVersions.fromToolchain("go1.22/../../bin/sh")).isEmpty();
        assertThat(GoVersions.fromToolchain("default")).isEmpty();
        assertThat(GoVersions.isValid("1.022")).as("no needless leading zero").isFalse();
        assertThat(GoVersions.isValid("1.22.x")).isFalse();
    }
}
