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
 * request, every build made afterwards is recorded as it finishes with the causes its commits made (from
 * the change sets the server recorded), the pages render inside Hudson with a chart and hostile names
 * escaped, the scheduled export appears, and the plugin logs no SEVERE line.
 */
class PluginHudsonITest {
    private static final Pattern ROW =
            Pattern.compile("<tr data-job=\"([^\"]*)\" data-build=\"(\\d+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern BADGE = Pattern.compile("<span class=\"badge [^\"]*\">([^<]*)</span>");
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

        // And the plugin installed, configured to export every minute
        PluginHudson.installPlugin(dir);
        Files.writeString(
                PluginHudson.home(dir).resolve("dev.rebuildcauses.plugin.hudson.RebuildCausesConfig.xml"),
                "<dev.rebuildcauses.plugin.hudson.RebuildCausesConfig_-DescriptorImpl>"
                        + "<exportEveryMinutes>1</exportEveryMinutes>"
                        + "</dev.rebuildcauses.plugin.hudson.RebuildCausesConfig_-DescriptorImpl>");
        try (PluginHudson hudson = PluginHudson.start(dir, "hudson.log")) {
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

            // And a job with a hostile name builds once
            assertThat(hudson.createJob("evil<b>job", image.jobConfig())).isEqualTo(400);
            assertThat(hudson.createJob(HOSTILE, image.jobConfig())).isEqualTo(200);
            hudson.build(HOSTILE, 1);

            // And an administrator asks for a back-fill
            assertThat(hudson.post("rebuild-causes/backfill", "").statusCode()).isEqualTo(302);

            // Then every build is recorded with the causes its commits made
            String imagePage = awaitPage(
                    hudson,
                    "rebuild-causes/?job=image-base",
                    p -> causes(p, "image-base").size() == 5);
            assertThat(causes(imagePage, "image-base")).isEqualTo(expected);
            assertThat(imagePage).contains("id=\"server-change-sets\"");

            // And the builds made before the installation are back-filled
            String oldPage = awaitPage(
                    hudson,
                    "rebuild-causes/?job=old-image",
                    p -> causes(p, "old-image").size() == 2);
            assertThat(causes(oldPage, "old-image")).isEqualTo(Map.of(1L, List.of("first-build"), 2L, List.of("code")));

            // And the overview shows charts, rendered inside Hudson's layout, with the hostile name escaped
            String overview = awaitPage(hudson, "rebuild-causes/", p -> p.contains("evil&#34;&#39;(job)"));
            assertThat(overview)
                    .contains("<svg")
                    .contains("id=\"rebuild-causes\"")
                    .contains("id=\"main-panel\"");
            // (quotes are harmless in text and escaped in attributes, where they could break out)
            assertThat(overview).contains("data-job=\"evil&#34;&#39;(job)\"").doesNotContain("=\"" + HOSTILE);
            String probe = hudson.get("rebuild-causes/?job=" + PluginHudson.encode("<script>alert(1)</script>"))
                    .body();
            assertThat(probe).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

            // And each job has its own page
            HttpResponse<String> jobPage = hudson.get("job/image-base/rebuild-causes/");
            assertThat(jobPage.statusCode()).isEqualTo(200);
            assertThat(jobPage.body()).contains("data-build=\"5\"").contains("<svg");

            // And the scheduled export appears and can be downloaded
            Path exported = PluginHudson.home(dir).resolve("rebuild-causes/exports/builds.csv");
            awaitFile(exported);
            HttpResponse<String> download = hudson.get("rebuild-causes/export?file=builds.csv");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body().lines().findFirst())
                    .hasValueSatisfying(h -> assertThat(h).contains("job"));

            // And a browser sees the pages
            try (Screenshots browser = new Screenshots(Files.createDirectories(dir.resolve("chromium")))) {
                assertThat(browser.take(hudson.url() + "rebuild-causes/", "overview"))
                        .contains(HOSTILE);
                assertThat(browser.take(hudson.url() + "job/image-base/rebuild-causes/", "job"))
                        .contains("image-base");
                browser.take(hudson.url() + "rebuild-causes/?job=image-base&build=2", "build");
                browser.take(hudson.url() + "rebuild-causes/?cause=code", "cause");
                browser.take(hudson.url() + "configure", "configure");
            }

            // And the plugin logged no SEVERE line
            assertThat(severeFromPlugin(hudson.log())).isEmpty();
        }
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
