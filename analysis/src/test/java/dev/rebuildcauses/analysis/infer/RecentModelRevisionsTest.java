package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentModelRevisionsTest {
    private static String revision(int n) {
        return String.format("%040x", (long) n * 0x9E3779B97F4A7C15L);
    }

    @Test
    void shouldAnswerWhatWasNotedLastForARevision() {
        RecentModelRevisions revisions = new RecentModelRevisions(4);

        revisions.put(revision(1), revision(0));
        revisions.put(revision(2), revision(2));
        revisions.put(revision(1), revision(1));

        assertThat(revisions.get(revision(1))).isEqualTo(revision(1));
        assertThat(revisions.get(revision(2))).isEqualTo(revision(2));
        assertThat(revisions.get(revision(3))).isNull();
    }

    @Test
    void shouldKeepTheLastRevisionNotedAndForgetAtMostAllButAsManyAsItHasSlots() {
        RecentModelRevisions revisions = new RecentModelRevisions(6);
        List<String> noted = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            revisions.put(revision(i), revision(i / 10 * 10));
            noted.add(revision(i));
            // along a chain each build asks for the one before it: always still there
            assertThat(revisions.get(revision(i))).isEqualTo(revision(i / 10 * 10));
        }
        long kept = noted.stream().filter(r -> revisions.get(r) != null).count();
        assertThat(kept).isBetween(1L, 64L);
        for (int i = 0; i < 1000; i++) {
            String answer = revisions.get(revision(i));
            assertThat(answer).isIn(null, revision(i / 10 * 10)); // forgotten or right, never another's
        }
    }
}
