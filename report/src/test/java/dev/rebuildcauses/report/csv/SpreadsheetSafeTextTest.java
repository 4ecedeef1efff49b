package dev.rebuildcauses.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetSafeTextTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
                "+1+2|'+1+2",
                "-cmd|'-cmd",
                "@SUM(A1)|'@SUM(A1)",
                "Fix Dockerfile|Fix Dockerfile",
                "a=b|a=b"
            })
    void shouldPrefixOnlyTextThatASpreadsheetWouldExecute(String text, String expected) {
        assertThat(SpreadsheetSafeText.of(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            value = {"''"},
            emptyValue = "")
    void shouldKeepEmptyTextEmpty(String text) {
        assertThat(SpreadsheetSafeText.of(text)).isEmpty();
        assertThat(SpreadsheetSafeText.of(null)).isEmpty();
    }
}
