package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tables line up in a terminal whatever the language: a Chinese character is two columns wide. */
class ColumnsTest {
    @Test
    void chineseCountsTwoColumnsACharacter() {
        assertThat(Columns.width("安装方式")).isEqualTo(8);
        assertThat(Columns.width("~/sdk")).isEqualTo(5);
        assertThat(Columns.width("Windows（WSL）")).isEqualTo(14);
        assertThat(Columns.pad("安装方式", 10)).isEqualTo("安装方式  ");
        assertThat(Columns.pad("Installed by", 10)).as("never cut").isEqualTo("Installed by");
        assertThat(Columns.padLeft("大小", 9)).isEqualTo("     大小");
        assertThat(Columns.width(Columns.pad("发行版", 10))).isEqualTo(Columns.width(Columns.pad("distro", 10)));
    }
}
