package dev.rebuildcauses.plugin;

import static dev.rebuildcauses.plugin.BuildRecorderTest.build;
import static dev.rebuildcauses.plugin.BuildRecorderTest.hudsonJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's routes under the plugin's root, answered from the store without a server. */
class PluginSiteTest {
    private static final String ROOT = "/ci/rebuild-causes/";

    @TempDir
    Path dir;

    private PluginStore store;
    private ScheduledExports exports;
    private PluginSite site;

    @BeforeEach
    void open() throws Exception {
        store = PluginStore.open("jdbc:h2:file:" + dir.resolve("store"));
        BuildRecorder recorder = new BuildRecorder(store, Optional.empty());
        recorder.record(build(1, "aaa", hudsonJson("aaa", "Dockerfile")));
        recorder.record(build(2, "bbb", hudsonJson("bbb", "app.py")));
        exports = ScheduledExports.start(
                dir.resolve("exports"), "nightly: 0 3 * * *", store, RuleSet.defaults(), Clock.systemUTC());
        PluginSnapshots snapshots = new PluginSnapshots(store, RuleSet.defaults(), Clock.systemUTC());
        site = new PluginSite(snapshots, exports, true, () -> 0, Clock.systemUTC());
    }

    @AfterEach
    void close() throws HarvestException {
        exports.close();
        store.close();
    }

    @Test
    void shouldAnswerTheOverviewWithTheDashboardsContentForTheServersLayout() throws Exception {
        // When the overview is asked for
        Answer answer = site.answer("", Map.of(), ROOT);

        // Then it is the dashboard's overview without a document around it, its links under the plugin's root
        assertThat(answer).isInstanceOf(Answer.Page.class);
        String html = ((Answer.Page) answer).html();
        assertThat(html)
                .startsWith("<div class=\"rebuild-causes-page dashboard\" id=\"rebuild-causes\">")
                .doesNotContain("<html")
                .doesNotContain("<body")
                .contains("href=\"" + ROOT + "static/rebuild-causes.css\"")
                .contains("href=\"" + ROOT + "jobs\"")
                .contains("src=\"" + ROOT + "chart.svg?id=")
                .contains("<td class=\"text\">nightly</td>");
        assertThat(((Answer.Page) answer).serverChangeSets()).isTrue();
    }

    @Test
    void shouldAnswerTheJobBuildAndCausePagesAndLinkBuildsToTheServer() throws Exception {
        String job = page(site.answer("job", Map.of("name", "image"), ROOT));
        assertThat(job).contains("data-build=\"2\"").contains("href=\"" + ROOT + "build?job=image&amp;number=2\"");

        String build = page(site.answer("build", Map.of("job", "image", "number", "2"), ROOT));
        assertThat(build).contains("app.py").contains("href=\"/ci/job/image/2/\"");

        assertThat(page(site.answer("cause", Map.of("name", "code"), ROOT))).contains("data-build=\"2\"");
        assertThat(page(site.answer("jobs", Map.of(), ROOT))).contains("data-job=\"image\"");
    }

    @Test
    void shouldEscapeANameFromTheRequestAndAnswer404ForWhatTheStoreDoesNotHold() throws Exception {
        Answer answer = site.answer("job", Map.of("name", "<script>alert(1)</script>"), ROOT);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(site.answer("build", Map.of("job", "image", "number", "9"), ROOT)
                        .status())
                .isEqualTo(404);
        assertThat(site.answer("build", Map.of("job", "image", "number", "x"), ROOT)
                        .status())
                .isEqualTo(400);
        assertThat(site.answer("nothing", Map.of(), ROOT).status()).isEqualTo(404);
    }

    @Test
    void shouldServeChartsStylesheetsJsonAndCsvUnderThePluginsRoot() throws Exception {
        String overview = page(site.answer("", Map.of(), ROOT));
        String id = overview.replaceAll("(?s).*?src=\"/ci/rebuild-causes/chart\\.svg\\?id=([^\"&]+)\".*", "$1");

        assertThat(body(site.answer("chart.svg", Map.of("id", id), ROOT), "image/svg+xml"))
                .contains("<svg");
        assertThat(body(site.answer("static/rebuild-causes.css", Map.of(), ROOT), "text/css"))
                .startsWith("@scope (.rebuild-causes-page) {")
                .contains(":scope {")
                .doesNotContain(":root");
        assertThat(body(site.answer("cause-colors.css", Map.of(), ROOT), "text/css"))
                .contains(".cause-code");
        assertThat(body(site.answer("api/job", Map.of("name", "image"), ROOT), "application/json"))
                .startsWith("{")
                .contains("\"job\":\"image\"");
        Answer csv = site.answer("csv/builds.csv", Map.of("job", "image"), ROOT);
        assertThat(body(csv, "text/csv").lines()).hasSize(3);
        assertThat(((Answer.Body) csv).attachment()).isEqualTo("image-builds.csv");
    }

    private static String page(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return ((Answer.Page) answer).html();
    }

    private static String body(Answer answer, String type) {
        assertThat(answer.status()).isEqualTo(200);
        Answer.Body body = (Answer.Body) answer;
        assertThat(body.contentType()).startsWith(type);
        return new String(body.body(), StandardCharsets.UTF_8);
    }
}
