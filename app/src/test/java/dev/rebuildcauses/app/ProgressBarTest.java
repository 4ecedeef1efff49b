package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void shouldDrawNothingWhenQuietOrWithoutATerminalUnlessAskedTo() {
        // Given no terminal (tests run without a console)
        String before = System.getProperty("rebuild-causes.progress");
        try {
            System.clearProperty("rebuild-causes.progress");
            assertThat(System.console()).isNull();
            assertThat(ProgressBar.wanted(false)).isFalse();
            assertThat(ProgressBar.wanted(true)).isFalse();

            // When a user asks for progress in a log anyway, --quiet still wins
            System.setProperty("rebuild-causes.progress", "always");
            assertThat(ProgressBar.wanted(false)).isTrue();
            assertThat(ProgressBar.wanted(true)).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("rebuild-causes.progress");
            } else {
                System.setProperty("rebuild-causes.progress", before);
            }
        }
    }

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    private ProgressBar bar(boolean enabled) {
        return new ProgressBar(new PrintWriter(err, true), "commits", enabled, clock::get);
    }

    @Test
    void shouldStaySilentForQuickWork() {
        ProgressBar bar = bar(true);

        clock.set(200_000_000L);
        bar.update(10_000, 10_000);
        bar.finish();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldDrawOnceTheWorkTakesAMomentAndEndTheLine() {
        // Given
        ProgressBar bar = bar(true);

        // When
        clock.set(1_200_000_000L);
        bar.update(5_200, 10_000);
        clock.set(1_250_000_000L);
        bar.update(5_300, 10_000); // too soon to redraw
        clock.set(2_000_000_000L);
        bar.update(10_000, 10_000);
        bar.finish();

        // Then
        assertThat(err.toString())
                .isEqualTo("\r[##########          ]  52% 5,200/10,000 commits  1.2s"
                        + "\r[####################] 100% 10,000/10,000 commits  2.0s"
                        + "\r[####################] 100% 10,000/10,000 commits  2.0s"
                        + System.lineSeparator());
    }

    @Test
    void shouldCountWhileTheTotalIsUnknown() {
        ProgressBar bar = bar(true);

        clock.set(400_000_000L);
        bar.update(1_500, -1);

        assertThat(err.toString()).isEqualTo("\r1,500 commits  0.4s");
    }

    @Test
    void shouldEndItsLineOnceAndStayQuietAfterwards() {
        ProgressBar bar = bar(true);
        clock.set(400_000_000L);
        bar.update(1, 2);

        bar.finish();
        clock.set(900_000_000L);
        bar.update(2, 2);
        bar.finish();

        assertThat(err.toString())
                .isEqualTo("\r[##########          ]  50% 1/2 commits  0.4s"
                        + "\r[##########          ]  50% 1/2 commits  0.4s"
                        + System.lineSeparator());
    }

    @Test
    void shouldDrawNothingWhenQuiet() {
        ProgressBar bar = bar(false);

        clock.set(5_000_000_000L);
        bar.update(1, 2);
        bar.finish();

        assertThat(err.toString()).isEmpty();
    }
}
