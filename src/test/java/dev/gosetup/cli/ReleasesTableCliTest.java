package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gosetup releases` is read as a table: file names differ in length (go1.13.linux-amd64.tar.gz, go1.12.16…) and
 * sizes in digits (120 MB, 120.1 MB), and the sizes and labels used to start one column further on every longer
 * name. Real go.dev/dl lists, both languages.
 */
class ReleasesTableCliTest {
    @TempDir
    Path tmp;

    private List<String> rows(String lang, String list, String platform) {
        CliResult r = CliResult.run(tmp, "--lang", lang, "releases", "--all", "--catalog",
                Fixtures.root().resolve("godl").resolve(list).toString(), "--platform", platform);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().filter(l -> l.startsWith("  go")).toList();
    }

    @Test
    void sizesEndAndLabelsStartInOneColumnWhateverTheVersion() {
        for (String lang : List.of("en", "zh-CN")) {
            List<String> rows = rows(lang, "golang-dl-include-all-2020.json", "linux-amd64");
            assertThat(rows).hasSizeGreaterThan(80);
            assertThat(rows).anyMatch(l -> l.contains("go1.13.linux-amd64.tar.gz")).anyMatch(l -> l.contains("go1.12.16.linux-amd64.tar.gz"))
                    .anyMatch(l -> l.contains(" 120 MB"));
            List<String> sized = rows.stream().filter(l -> l.contains(" MB")).toList();
            assertThat(sized).as(lang).hasSizeGreaterThan(70);
            assertThat(sized.stream().map(l -> l.indexOf(" MB")).distinct()).as(lang + ": where the size ends").hasSize(1);
            // labels: after the widest file and size, whatever this row has there (a size, none, "no build")
            List<Integer> labelColumns = rows.stream().map(ReleasesTableCliTest::labelColumn).filter(i -> i > 0).distinct().toList();
            assertThat(labelColumns).as(lang + ": where the labels start").hasSize(1);
            assertThat(rows.stream().filter(l -> labelColumn(l) > 0)).as(lang).hasSizeGreaterThan(50);
            // two labels on a row are joined as the language writes it
            assertThat(rows).filteredOn(l -> l.contains("go1.4.2.linux")).singleElement().asString()
                    .contains(lang.equals("en") ? "fixes; newer" : "安全修复；有更新");
            // go.dev lists the oldest archives with size 0: that is not known, not "0 bytes"
            assertThat(rows).filteredOn(l -> l.contains("go1.4.2.linux-amd64.tar.gz")).singleElement().asString()
                    .doesNotContain(" 0 ").contains("go1.4.3");
        }
    }

    /** The terminal column where a row's first label starts (either language; a CJK character is two wide), or -1. */
    private static int labelColumn(String row) {
        return List.of("newer patch", "no longer", "pre-release", "有更新的补丁", "已不再", "预发布").stream().mapToInt(row::indexOf)
                .filter(i -> i > 0).min().stream().map(i -> Columns.width(row.substring(0, i))).findFirst().orElse(-1);
    }

    @Test
    void withoutABuildTheLabelsStillLineUp() {
        List<String> rows = rows("en", "golang-dl-stable-2021-11-08.json", "plan9-arm");
        assertThat(rows).allMatch(l -> l.contains("no build for plan9-arm"));
        assertThat(rows.stream().map(l -> l.indexOf("no build")).distinct()).as("one column").hasSize(1);
    }
}
