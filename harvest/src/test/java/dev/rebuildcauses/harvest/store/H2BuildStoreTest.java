package dev.rebuildcauses.harvest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2BuildStoreTest extends BuildStoreContract {
    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:h2:file:" + dir.resolve("data/store").toAbsolutePath();
    }

    @Override
    String freshUrl(String name) {
        return "jdbc:h2:file:" + dir.resolve("fresh/" + name + "/store").toAbsolutePath();
    }

    @Test
    void shouldCreateTheDataFolderOfAFileStore() throws Exception {
        try (BuildStore store = BuildStore.open("jdbc:h2:file:" + dir.resolve("a/b/store"))) {
            assertThat(store.watermark("x")).isZero();
        }
        assertThat(dir.resolve("a/b/store.mv.db")).exists();
    }

    @Test
    void shouldRejectAnUnsupportedUrlWithoutShowingItsParameters() {
        assertThatThrownBy(() -> BuildStore.open("jdbc:mysql://db/x?password=hunter2"))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("unsupported store URL jdbc:mysql://db/x?…")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldResolveARelativeH2PathAgainstTheConfigFolder() {
        assertThat(JdbcUrls.resolveAgainst(JdbcUrls.DEFAULT, Path.of("/etc/rc")))
                .isEqualTo("jdbc:h2:file:/etc/rc/rebuild-causes-data/store");
        assertThat(JdbcUrls.resolveAgainst("jdbc:h2:file:../x;MODE=PostgreSQL", Path.of("/etc/rc")))
                .isEqualTo("jdbc:h2:file:/etc/x;MODE=PostgreSQL");
        assertThat(JdbcUrls.resolveAgainst("jdbc:postgresql://db/rc", Path.of("/etc/rc")))
                .isEqualTo("jdbc:postgresql://db/rc");
    }

    @Test
    void shouldRedactUserAndPasswordFromUrls() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/rc?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/rc?…");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/x;PASSWORD=secret")).isEqualTo("jdbc:h2:file:/x;…");
    }

    @Test
    void shouldOpenH2WithDurableCommitsAndWithoutCompactionOnClose() {
        // found by the kill -9 tests: delayed writes lost committed batches, compaction on close corrupted files
        assertThat(JdbcUrls.withSafeH2Settings("jdbc:h2:file:/x/store"))
                .isEqualTo("jdbc:h2:file:/x/store;WRITE_DELAY=0;MAX_COMPACT_TIME=0");
        assertThat(JdbcUrls.withSafeH2Settings("jdbc:h2:file:/x/store;MAX_COMPACT_TIME=500"))
                .isEqualTo("jdbc:h2:file:/x/store;MAX_COMPACT_TIME=500;WRITE_DELAY=0");
        assertThat(JdbcUrls.withSafeH2Settings("jdbc:postgresql://db/rc")).isEqualTo("jdbc:postgresql://db/rc");
    }
}
