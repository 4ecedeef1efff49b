package dev.rebuildcauses.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The .hpi installed into a real Hudson 3.3.2: builds made before the installation are back-filled on
 * request; every build made afterwards is recorded as it finishes with the causes its commits made (from
 * the change sets the server recorded, then from a local mirror folder configured on the global
 * configuration page); the dashboard's pages render inside Hudson with charts and hostile names escaped;
 * the scheduled export appears; builds wait in the store through a change-source outage and a restart;
 * a browser sees every page; and the plugin logs no SEVERE line.
 */
class PluginHudsonITest {
    private static final Pattern ROW =
            Pattern.compile("<tr data-job=\"([^\"]*)\" data-build=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern BADGE = Pattern.compile("<(?:span|a) class=\"badge [^\"]*\"[^>]*>([^<]*)</");
    /** Hudson refuses {@code <>} in job names; quotes, apostrophes and parentheses it allows. */
    private static final String HOSTILE = "evil\"'(job)";

    /** Kept after the test (the server logs, the home) under target/, cleared before it. */
    private final Path dir = Path.of("target/plugin-it").toAbsolutePath();

    @BeforeEach
    void clear() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
    }

    @Test
    void shouldRecordEveryBuildWithItsCausesAndShowThemInsideHudson() throws Exception {
        // Given a job built twice before the plugin was installed
        GitRepo old = GitRepo.create(dir, "old-image");
        old.write("Dockerfile", "FROM alpine:3.19\n").write("run.sh", "echo hi\n");
        old.commitAndPush("initial");
        try (PluginHudson hudson = PluginHudson.start(dir, "hudson-before.log")) {
            assertThat(hudson.createJob("old-image", old.jobConfig())).isEqualTo(200);
            hudson.build("old-image", 1);
            old.write("run.sh", "echo hello\n").commitAndPush("greet");
            hudson.build("old-image", 2);
        }

        // And the plugin installed with its defaults (ranges from the server's own change sets)
        PluginHudson.installPlugin(dir);
        Path mirrors = dir.resolve("mirrors");
        GitRepo app = GitRepo.create(dir, "app");
        try (PluginHudson hudson = PluginHudson.start(dir, "hudson.log");
                Screenshots browser = new Screenshots(Files.createDirectories(dir.resolve("chromium")))) {
            // When builds change the Dockerfile, code, nothing, and only push an empty commit
            GitRepo image = GitRepo.create(dir, "image-base");
            image.write("Dockerfile", "FROM python:3.12-slim\n").write("app.py", "print('hi')\n");
            image.commitAndPush("initial");
            assertThat(hudson.createJob("image-base", image.jobConfig())).isEqualTo(200);
            Map<Long, List<String>> expected = new LinkedHashMap<>();
            hudson.build("image-base", 1);
            expected.put(1L, List.of("first-build"));
            image.write("Dockerfile", "FROM python:3.13-slim\n").commitAndPush("newer python");
            hudson.build("image-base", 2);
            expected.put(2L, List.of("environment"));
            image.write("app.py", "print('hello')\n").commitAndPush("greet");
            hudson.build("image-base", 3);
            expected.put(3L, List.of("code"));
            hudson.build("image-base", 4);
            expected.put(4L, List.of("no-new-commit"));
            image.commitAndPush("rebuild for the new base image");
            hudson.build("image-base", 5);
            expected.put(5L, List.of("empty-commit"));

            // And a job with a hostile name builds once (Hudson refuses markup in names)
            assertThat(hudson.createJob("evil<b>job", image.jobConfig())).isEqualTo(400);
            assertThat(hudson.createJob(HOSTILE, image.jobConfig())).isEqualTo(200);
            hudson.build(HOSTILE, 1);

            // And an administrator asks for a back-fill
            assertThat(hudson.post("rebuild-causes/backfill", "").statusCode()).isEqualTo(302);

            // Then every build is recorded with the causes its commits made, on the dashboard's job page
            String imagePage = awaitPage(
                    hudson,
                    "rebuild-causes/job?name=image-base",
                    p -> causes(p, "image-base").size() == 5);
            assertThat(causes(imagePage, "image-base")).isEqualTo(expected);
            assertThat(imagePage)
                    .contains("id=\"server-change-sets\"")
                    .contains("id=\"main-panel\"")
                    .contains("href=\"/rebuild-causes/build?job=image-base&amp;number=2\"")
                    .contains("src=\"/rebuild-causes/chart.svg?id=");

            // And the builds made before the installation are back-filled
            String oldPage = awaitPage(
                    hudson,
                    "rebuild-causes/job?name=old-image",
                    p -> causes(p, "old-image").size() == 2);
            assertThat(causes(oldPage, "old-image")).isEqualTo(Map.of(1L, List.of("first-build"), 2L, List.of("code")));

            // And the overview is the dashboard's, inside Hudson's layout, with the hostile name escaped
            String overview = awaitPage(hudson, "rebuild-causes/", p -> p.contains("evil&#34;&#39;(job)"));
            assertThat(overview)
                    .contains("id=\"main-panel\"")
                    .contains("id=\"rebuild-causes\"")
                    .contains("id=\"charts\"")
                    .contains("id=\"exports-table\"")
                    .doesNotContain("=\"" + HOSTILE);
            HttpResponse<String> probe =
                    hudson.get("rebuild-causes/job?name=" + PluginHudson.encode("<script>alert(1)</script>"));
            assertThat(probe.statusCode()).isEqualTo(404);
            assertThat(probe.body()).doesNotContain("<script>alert(1)");

            // And a chart renders inside Hudson (JFreeChart, JFreeSVG and JTE loaded plugin-first)
            String chart = overview.replaceAll("(?s).*src=\"/rebuild-causes/(chart\\.svg\\?id=[^\"]+)\".*", "$1")
                    .replace("&amp;", "&");
            HttpResponse<String> svg = hudson.get("rebuild-causes/" + chart);
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
            assertThat(svg.body()).contains("<svg");

            // And the other pages and the dashboard's downloads answer within the plugin's URL space
            assertThat(hudson.get("rebuild-causes/jobs").body()).contains("data-job=\"image-base\"");
            assertThat(hudson.get("rebuild-causes/build?job=image-base&number=3")
                            .body())
                    .contains("app.py")
                    .contains("href=\"/job/image-base/3/\"");
            assertThat(hudson.get("rebuild-causes/cause?name=environment").body())
                    .contains("data-build=\"2\"");
            assertThat(hudson.get("rebuild-causes/api/job?name=image-base").body())
                    .startsWith("{");
            assertThat(hudson.get("rebuild-causes/csv/builds.csv?job=image-base")
                            .body()
                            .lines())
                    .hasSize(6);
            assertThat(hudson.get("rebuild-causes/static/rebuild-causes.css").body())
                    .startsWith("@scope (.rebuild-causes-page)");

            // And the job's own action page is the dashboard's job page beside the job's side panel
            HttpResponse<String> jobPage = hudson.get("job/image-base/rebuild-causes/");
            assertThat(jobPage.statusCode()).isEqualTo(200);
            assertThat(jobPage.body())
                    .contains("data-build=\"5\"")
                    .contains("id=\"side-panel\"")
                    .contains("href=\"/rebuild-causes/build?job=image-base&amp;number=5\"");

            // When an administrator configures, on the global configuration page, a local mirror folder
            // (still empty) as the change source and an export every three seconds
            browser.saveGlobalConfiguration(
                    hudson.url(),
                    Map.of(
                            "changeSource", "MIRROR",
                            "mirrorFolder", mirrors.toString(),
                            "exportSchedules", "often: */3 * * * * * | builds, causes"));

            // Then the configuration reads back from the page and from the server's home
            String configure = hudson.get("configure").body();
            assertThat(configure)
                    .contains("<option value=\"MIRROR\" selected=\"selected\">")
                    .contains(mirrors.toString())
                    .contains("often: */3 * * * * * | builds, causes");
            assertThat(PluginHudson.home(dir).resolve("dev.rebuildcauses.plugin.hudson.RebuildCausesConfig.xml"))
                    .content()
                    .contains("<changeSource>MIRROR</changeSource>")
                    .contains("<exportSchedules>often: */3 * * * * * | builds, causes</exportSchedules>");

            // And the scheduled export appears, shows on the overview and downloads
            Path exported = PluginHudson.home(dir).resolve("rebuild-causes/exports/often/builds-latest.csv");
            awaitFile(exported);
            String withExport = awaitPage(hudson, "rebuild-causes/", p -> p.contains("often/builds-latest.csv"));
            assertThat(withExport).contains("<td class=\"text\">often</td>").contains("*/3 * * * * *");
            HttpResponse<String> download = hudson.get("rebuild-causes/exports/often/builds-latest.csv");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body().lines().findFirst())
                    .hasValueSatisfying(h -> assertThat(h).contains("job"));

            // When a job is built while its mirror is missing (an outage of the change source)
            app.write("Dockerfile", "FROM node:22\n").write("index.js", "1\n").commitAndPush("initial");
            assertThat(hudson.createJob("app", app.jobConfig())).isEqualTo(200);
            hudson.build("app", 1);
            app.write("index.js", "2\n").commitAndPush("code");
            hudson.build("app", 2);
            app.commitAndPush("empty, to pick up the new base image");
            hudson.build("app", 3);

            // Then builds 2 and 3 wait, pending in the store, and say so
            awaitPage(hudson, "rebuild-causes/", p -> p.contains("id=\"pending\"") && p.contains("2 finished build"));
        }

        // When the server restarts during the outage, then the mirror appears
        try (PluginHudson hudson = PluginHudson.start(dir, "hudson-restarted.log");
                Screenshots browser = new Screenshots(Files.createDirectories(dir.resolve("chromium2")))) {
            assertThat(hudson.get("rebuild-causes/").body()).contains("id=\"pending\"");
            app.mirrorInto(mirrors);

            // Then the pending builds resume from the store, with exact ranges (the empty commit included)
            String appPage = awaitPage(
                    hudson, "rebuild-causes/job?name=app", p -> causes(p, "app").size() == 3);
            assertThat(causes(appPage, "app"))
                    .isEqualTo(Map.of(1L, List.of("first-build"), 2L, List.of("code"), 3L, List.of("empty-commit")));
            assertThat(appPage).doesNotContain("id=\"server-change-sets\"");
            awaitPage(hudson, "rebuild-causes/", p -> !p.contains("id=\"pending\""));

            // And a browser sees the pages, each styled, with its charts loaded
            assertThat(browser.take(hudson.url() + "rebuild-causes/", "overview"))
                    .contains(HOSTILE);
            assertThat(browser.imagesLoaded()).isTrue();
            assertThat(browser.style(".rebuild-causes-page .masthead", "background-color"))
                    .isEqualTo("rgba(244, 246, 248, 1)");
            assertThat(browser.take(hudson.url() + "rebuild-causes/jobs", "jobs"))
                    .contains("image-base");
            assertThat(browser.take(hudson.url() + "job/image-base/rebuild-causes/", "job"))
                    .contains("image-base")
                    .contains("Configure");
            assertThat(browser.imagesLoaded()).isTrue();
            assertThat(browser.take(hudson.url() + "rebuild-causes/build?job=image-base&number=2", "build"))
                    .contains("Dockerfile");
            assertThat(browser.take(hudson.url() + "rebuild-causes/cause?name=code", "cause"))
                    .contains("old-image");

            // And the plugin logged no SEVERE line in any of its runs
            assertThat(severeFromPlugin(hudson.log())).isEmpty();
        }
        assertThat(severeFromPlugin(dir.resolve("hudson.log"))).isEmpty();
    }

    private static Map<Long, List<String>> causes(String page, String job) {
        Map<Long, List<String>> causes = new java.util.TreeMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (!row.group(1).equals(job)) {
                continue;
            }
            List<String> badges = new ArrayList<>();
            Matcher badge = BADGE.matcher(row.group(3));
            while (badge.find()) {
                badges.add(badge.group(1));
            }
            causes.put(Long.parseLong(row.group(2)), badges);
        }
        return causes;
    }

    private static String awaitPage(PluginHudson hudson, String path, Predicate<String> ready)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = hudson.get(path);
            body = answer.body();
            if (answer.statusCode() == 200 && ready.test(body)) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("page " + path + " never got ready; last answer:\n" + body);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && !Files.isRegularFile(file)) {
            Thread.sleep(500);
        }
        assertThat(file).isRegularFile();
    }

    /** SEVERE records whose logger line or stack trace names the plugin. */
    private static List<String> severeFromPlugin(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<String> severe = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("SEVERE")) {
                continue;
            }
            String record = String.join("\n", lines.subList(Math.max(0, i - 1), Math.min(lines.size(), i + 30)));
            if (record.contains("rebuildcauses") || record.contains("Rebuild causes")) {
                severe.add(record);
            }
        }
        return severe;
    }
}
