package cn.zhaoshang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The patterns say what a reader can read, and answer in one pass however long the text. */
class TextTest {

    private static final Pattern NAME = Pattern.compile(Text.NAME);
    private static final Pattern VISIBLE = Pattern.compile(Text.VISIBLE);

    @Test
    void a_name_is_one_line_with_something_visible_on_it() {
        assertThat(NAME.matcher("日本触媒新材料项目").matches()).isTrue();
        assertThat(NAME.matcher("\u3000 丰田通商 ").matches()).isTrue();
        assertThat(NAME.matcher("-").matches()).isTrue();
        assertThat(NAME.matcher("\u200b\u00a0x").matches()).isTrue();
        assertThat(NAME.matcher("").matches()).isFalse();
        assertThat(NAME.matcher(" \u3000\u00a0\u200b").matches()).isFalse();
        assertThat(NAME.matcher("两行\n名称").matches()).isFalse();
        assertThat(NAME.matcher("名称\t").matches()).isFalse();
        assertThat(NAME.matcher("\r名称").matches()).isFalse();
    }

    @Test
    void a_megabyte_long_name_that_fails_at_its_end_is_refused_at_once() {
        String longLine = "a".repeat(1024 * 1024);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(NAME.matcher(longLine + "\n").matches()).isFalse();
            assertThat(NAME.matcher(longLine + "\t" + longLine).matches()).isFalse();
            assertThat(NAME.matcher(longLine).matches()).isTrue();
            assertThat(VISIBLE.matcher(" ".repeat(1024 * 1024)).matches()).isFalse();
            assertThat(VISIBLE.matcher(longLine + "\n").matches()).isTrue();
        });
    }
}
