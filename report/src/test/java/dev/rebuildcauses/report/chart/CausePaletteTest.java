package dev.rebuildcauses.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Causes;
import java.awt.Color;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CausePaletteTest {
    @Test
    void shouldGiveEveryMainCauseItsOwnOkabeItoColour() {
        List<String> main = List.of(
                Causes.CODE,
                Causes.ENVIRONMENT,
                Causes.DEPENDENCIES,
                Causes.CI,
                Causes.DOCS,
                Causes.CONFIG,
                Causes.EMPTY_COMMIT,
                Causes.NO_NEW_COMMIT);

        assertThat(main.stream().map(CausePalette::hex)).doesNotHaveDuplicates().allSatisfy(hex -> assertThat(hex)
                .isIn("#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"));
        assertThat(CausePalette.hex(Causes.CODE)).isEqualTo("#0072b2");
    }

    @Test
    void shouldDrawCausesThatSayLittleInGreys() {
        assertThat(Stream.of(Causes.OTHER, Causes.FIRST_BUILD, Causes.UNKNOWN_RANGE)
                        .map(CausePalette::color))
                .doesNotHaveDuplicates()
                .allSatisfy(color ->
                        assertThat(color.getRed()).isEqualTo(color.getGreen()).isEqualTo(color.getBlue()));
    }

    @Test
    void shouldGiveACustomCauseTheSameColourEveryTime() {
        Color first = CausePalette.color("test-data");

        assertThat(CausePalette.color("test-data")).isEqualTo(first);
        assertThat(CausePalette.hex("test-data")).matches("#[0-9a-f]{6}");
        assertThat(CausePalette.hex("test-data"))
                .isNotIn(CausePalette.hex(Causes.CODE), CausePalette.hex(Causes.OTHER));
    }
}
