package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PageBytesTest {
    @Test
    void shouldCompressOnceToBytesThatUnpackToThePage() throws Exception {
        byte[] page =
                "<html>".concat("<p>row</p>".repeat(5_000)).concat("</html>").getBytes(StandardCharsets.UTF_8);
        PageBytes kept = new PageBytes(page);

        byte[] gzip = kept.gzip();

        assertThat(gzip.length).isLessThan(page.length / 10);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(page);
        }
        assertThat(kept.gzip()).isSameAs(gzip);
        assertThat(kept.plain()).isSameAs(page);
    }

    @Test
    void shouldAcceptGzipOnlyWhenTheClientAdmitsIt() {
        assertThat(PageBytes.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PageBytes.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(PageBytes.acceptsGzip("*")).isTrue();
        assertThat(PageBytes.acceptsGzip(null)).isFalse();
        assertThat(PageBytes.acceptsGzip("")).isFalse();
        assertThat(PageBytes.acceptsGzip("br, deflate")).isFalse();
        assertThat(PageBytes.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PageBytes.acceptsGzip("gzip;q=0.0, identity")).isFalse();
    }
}
