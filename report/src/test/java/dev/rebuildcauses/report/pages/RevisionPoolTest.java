package dev.rebuildcauses.report.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RevisionPoolTest {
    @Test
    void shouldReadEveryRevisionBackAsAddedAndKeepEachOnce() {
        RevisionPool pool = new RevisionPool();
        Random random = new Random(11);
        List<String> revisions = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            byte[] id = new byte[RevisionPool.ID_BYTES];
            random.nextBytes(id);
            String revision = HexFormat.of().formatHex(id);
            revisions.add(revision);
            indexes.add(pool.index(revision));
        }

        for (int i = 0; i < revisions.size(); i += 7) {
            assertThat(pool.index(revisions.get(i))).as("added again").isEqualTo(indexes.get(i));
        }
        pool.freeze();
        assertThat(pool.size()).isEqualTo(50_000);
        for (int i = 0; i < revisions.size(); i++) {
            assertThat(pool.text(indexes.get(i))).isEqualTo(revisions.get(i));
        }
    }

    @Test
    void shouldKeepOnlyFullLowercaseGitRevisions() {
        assertThat(RevisionPool.fits("0123456789abcdef0123456789abcdef01234567"))
                .isTrue();
        assertThat(RevisionPool.fits("0123456789ABCDEF0123456789abcdef01234567"))
                .as("upper case would read back lower")
                .isFalse();
        assertThat(RevisionPool.fits("0123456")).as("abbreviated").isFalse();
        assertThat(RevisionPool.fits("0123456789abcdef0123456789abcdef0123456g"))
                .isFalse();
        assertThat(RevisionPool.fits("refs/heads/main")).isFalse();
        assertThat(RevisionPool.fits(null)).isFalse();
    }

    @Test
    void shouldRefuseRevisionsOnceFrozen() {
        RevisionPool pool = new RevisionPool();
        pool.index("0123456789abcdef0123456789abcdef01234567");
        pool.freeze();

        assertThat(pool.text(0)).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThatThrownBy(() -> pool.index("1123456789abcdef0123456789abcdef01234567"))
                .isInstanceOf(IllegalStateException.class);
    }
}
