package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JenkinsClientTest {
    private static final String TOKEN = "11e0f7c0ffee5ecret";

    private final MockWebServer server = new MockWebServer();
    /** Encoded path (without query) to answer. */
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();

    private final List<RecordedRequest> requests = new ArrayList<>();
    private JenkinsClient jenkins;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (requests) {
                    requests.add(request);
                }
                String path = request.getPath();
                int query = path.indexOf('?');
                var route = routes.get(query < 0 ? path : path.substring(0, query));
                return route == null ? new MockResponse().setResponseCode(404) : route.apply(request);
            }
        });
        server.start();
        HttpSettings settings = HttpSettings.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5));
        jenkins = new JenkinsClient(
                server.url("/").toString(), RemoteHttp.create("Jenkins", settings, Credentials.basic("admin", TOKEN)));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private String fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("BASE/", base() + "/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve(String path, String fixture) {
        String body = fixture(fixture);
        routes.put(path, request -> json(body));
    }

    private static MockResponse json(String body) {
        return new MockResponse()
                .setHeader("Content-Type", "application/json;charset=utf-8")
                .setBody(body);
    }

    private BuildJob job(String fullName, String path) {
        return new BuildJob(fullName, base() + path, "");
    }

    private static List<String> names(List<BuildJob> jobs) {
        return jobs.stream().map(BuildJob::fullName).toList();
    }

    @Test
    void shouldDiscoverJobsThroughFoldersMultibranchAndOrganizationFolders() throws HarvestException {
        serve("/api/json", "root.json");
        serve("/job/deep/job/a/job/b/api/json", "deep-b.json");

        List<BuildJob> jobs = jenkins.discoverJobs(List.of("**"), List.of());

        assertThat(names(jobs))
                .containsExactly(
                        "images/base",
                        "images/app",
                        "images/service/main",
                        "images/service/feature/login",
                        "acme/ml-image/release/2.0",
                        "legacy-hudson",
                        "tools-lint",
                        "deep/a/b/c");
        BuildJob feature = jobs.get(3);
        assertThat(feature.url()).isEqualTo(base() + "/job/images/job/service/job/feature%252Flogin/");
        assertThat(feature.kind()).isEqualTo("org.jenkinsci.plugins.workflow.job.WorkflowJob");
        assertThat(jobs.get(5).kind()).isEmpty();
        // three folder levels per request: only the fourth level needs its own
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getRequestUrl().queryParameter("tree"))
                .startsWith("jobs[name,url,_class,jobs[name,url,_class,jobs[");
    }

    @Test
    void shouldSendBasicAuthOnTheFirstRequest() throws HarvestException {
        serve("/api/json", "deep-b.json");

        jenkins.discoverJobs(List.of(), List.of());

        String expected =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeader("Authorization")).isEqualTo(expected);
    }

    @Test
    void shouldFilterDiscoveredJobsByIncludeAndExcludeGlobs() throws HarvestException {
        serve("/api/json", "root.json");
        serve("/job/deep/job/a/job/b/api/json", "deep-b.json");

        List<BuildJob> jobs =
                jenkins.discoverJobs(List.of("images/**", "tools-*"), List.of("images/service/feature/**"));

        assertThat(names(jobs)).containsExactly("images/base", "images/app", "images/service/main", "tools-lint");
    }

    @Test
    void shouldReadPipelineRunsWithAllTheirCausesRevisionsAndChangeSets() throws HarvestException {
        serve("/job/images/job/app/api/json", "pipeline-builds.json");

        List<JenkinsBuild> builds = jenkins.builds(job("images/app", "/job/images/job/app/"), 0);

        assertThat(builds).extracting(JenkinsBuild::number).containsExactly(10L, 11L, 12L);
        JenkinsBuild all = builds.get(0);
        assertThat(all.causes())
                .extracting(TriggerCause::className)
                .containsExactly(
                        "hudson.triggers.SCMTrigger$SCMTriggerCause",
                        "hudson.triggers.TimerTrigger$TimerTriggerCause",
                        "hudson.model.Cause$UpstreamCause",
                        "jenkins.branch.BranchIndexingCause",
                        "com.cloudbees.jenkins.plugins.BitBucketPushCause",
                        "org.jenkinsci.plugins.pipeline.modeldefinition.causes.RestartDeclarativePipelineCause",
                        "com.sonyericsson.rebuild.RebuildCause",
                        "org.example.ci.GerritEventCause");
        assertThat(all.causes().get(2).detail()).isEqualTo("libs/base#42");
        assertThat(all.causes().get(7).description()).isEqualTo("Triggered by Gerrit");
        assertThat(all.result()).isEqualTo("FAILURE");
        assertThat(all.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(all.startedAt()).isEqualTo(Instant.ofEpochMilli(1767600000000L));

        JenkinsBuild replay = builds.get(1);
        assertThat(replay.causes())
                .containsExactly(
                        new TriggerCause("hudson.model.Cause$UserIdCause", "Started by user Alice", "alice"),
                        new TriggerCause("org.jenkinsci.plugins.workflow.cps.replay.ReplayCause", "Replayed #10", ""));
        assertThat(TriggerLabels.label(replay.causes())).isEqualTo("replay");
        assertThat(replay.revisions())
                .containsExactly(
                        new BuiltRevision(
                                "1111111111111111111111111111111111111111",
                                "master",
                                List.of("https://bitbucket.example.com/scm/CI/pipeline-library.git")),
                        new BuiltRevision(
                                "2222222222222222222222222222222222222222",
                                "origin/main",
                                List.of("ssh://git@bitbucket.example.com:7999/img/app.git")));
        assertThat(BuiltRevisions.chooseRevision(replay.revisions(), "https://bitbucket.example.com/scm/IMG/app.git")
                        .sha1())
                .isEqualTo("2222222222222222222222222222222222222222");
        assertThat(replay.changeSetCommitIds()).containsExactly("aaaa", "bbbb", "cccc");
    }

    @Test
    void shouldKeepARunningBuildWithoutDurationOrResult() throws HarvestException {
        serve("/job/images/job/app/api/json", "pipeline-builds.json");

        JenkinsBuild running =
                jenkins.builds(job("images/app", "/job/images/job/app/"), 11).get(0);

        assertThat(running.number()).isEqualTo(12);
        assertThat(running.building()).isTrue();
        assertThat(running.duration()).isNull();
        assertThat(running.result()).isEmpty();
        assertThat(running.revisions()).isEmpty();
        assertThat(TriggerLabels.label(running.causes())).isEqualTo("push");
    }

    @Test
    void shouldReadFreestyleChangeSetsAndEmptyOnes() throws HarvestException {
        serve("/job/images/job/base/api/json", "freestyle-builds.json");

        List<JenkinsBuild> builds = jenkins.builds(job("images/base", "/job/images/job/base/"), 0);

        assertThat(builds).extracting(JenkinsBuild::number).containsExactly(6L, 7L);
        assertThat(builds.get(0).changeSetCommitIds()).isEmpty();
        assertThat(builds.get(0).result()).isEqualTo("ABORTED");
        assertThat(builds.get(1).changeSetCommitIds()).containsExactly("dddd", "cccc");
        assertThat(builds.get(1).revisions())
                .containsExactly(new BuiltRevision(
                        "dddd", "origin/master", List.of("https://bitbucket.example.com/scm/IMG/base.git")));
    }

    @Test
    void shouldFollowTheEncodedUrlOfABranchWithASlash() throws HarvestException {
        serve("/job/images/job/service/job/feature%252Flogin/api/json", "freestyle-builds.json");
        BuildJob feature = new BuildJob(
                "images/service/feature/login", base() + "/job/images/job/service/job/feature%252Flogin/", "");

        List<JenkinsBuild> builds = jenkins.builds(feature, 0);

        assertThat(builds).hasSize(2);
        assertThat(requests.get(0).getPath())
                .startsWith("/job/images/job/service/job/feature%252Flogin/api/json?tree=");
    }

    @Test
    void shouldPageOverManyBuildsWithRanges() throws HarvestException {
        routes.put("/job/big/api/json", JenkinsClientTest::buildsInRange);
        BuildJob big = job("big", "/job/big/");

        List<JenkinsBuild> all = jenkins.builds(big, 0);
        int pagesForAll = requests.size();
        List<JenkinsBuild> newer = jenkins.builds(big, 120);
        int pagesForNewer = requests.size() - pagesForAll;

        assertThat(all).hasSize(250);
        assertThat(all.get(0).number()).isEqualTo(1);
        assertThat(all.get(249).number()).isEqualTo(250);
        assertThat(pagesForAll).isEqualTo(3);
        assertThat(newer).hasSize(130);
        assertThat(newer.get(0).number()).isEqualTo(121);
        // 250..151, then 150..51 which reaches the watermark
        assertThat(pagesForNewer).isEqualTo(2);
        assertThat(requests.get(1).getRequestUrl().queryParameter("tree"))
                .startsWith("allBuilds[number,")
                .endsWith("]{100,200}");
        assertThat(jenkins.rangesSupported()).contains(true);
    }

    /** 250 builds, newest first, answering {@code allBuilds[...]{M,N}} like Jenkins. */
    private static MockResponse buildsInRange(RecordedRequest request) {
        Matcher range = Pattern.compile("\\{(\\d+),(\\d+)}$")
                .matcher(request.getRequestUrl().queryParameter("tree"));
        if (!range.find()) {
            return new MockResponse().setResponseCode(400);
        }
        int from = Integer.parseInt(range.group(1));
        int to = Math.min(250, Integer.parseInt(range.group(2)));
        StringBuilder body = new StringBuilder("{\"allBuilds\":[");
        for (int i = from; i < to; i++) {
            int number = 250 - i;
            body.append(i > from ? "," : "")
                    .append("{\"number\":")
                    .append(number)
                    .append(",\"timestamp\":")
                    .append(1767000000000L + number * 60000L)
                    .append(",\"duration\":1000,\"result\":\"SUCCESS\",\"building\":false,\"actions\":[{}]}");
        }
        return json(body.append("]}").toString());
    }

    @Test
    void shouldFallBackToUnpagedBuildsOnceWhenTheServerRejectsRanges() throws HarvestException {
        String hudson = fixture("hudson-builds.json");
        for (String path : List.of("/job/legacy-hudson/api/json", "/job/other/api/json")) {
            routes.put(
                    path,
                    request -> request.getRequestUrl().queryParameter("tree").startsWith("allBuilds")
                            ? new MockResponse()
                                    .setResponseCode(500)
                                    .setHeader("Content-Type", "text/html")
                                    .setBody(
                                            "<html><body>java.lang.IllegalArgumentException: Malformed tree expression</body></html>")
                            : json(hudson));
        }

        List<JenkinsBuild> first = jenkins.builds(job("legacy-hudson", "/job/legacy-hudson/"), 0);
        int requestsForFirst = requests.size();
        List<JenkinsBuild> second = jenkins.builds(job("other", "/job/other/"), 1);

        assertThat(requestsForFirst).isEqualTo(2);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(2).getRequestUrl().queryParameter("tree")).startsWith("builds[");
        assertThat(jenkins.rangesSupported()).contains(false);
        assertThat(first).extracting(JenkinsBuild::number).containsExactly(1L, 2L);
        assertThat(second).extracting(JenkinsBuild::number).containsExactly(2L);
    }

    @Test
    void shouldRetryTheRangeProbeAfterAPassingFailureWithoutConcludingAnything() throws HarvestException {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        String page = fixture("freestyle-builds.json");
        routes.put("/job/images/job/base/api/json", request -> switch (calls.incrementAndGet()) {
            case 1 -> new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AFTER_REQUEST);
            case 2 -> new MockResponse().setResponseCode(503);
            default -> json(page);
        });

        List<JenkinsBuild> builds = jenkins.builds(job("images/base", "/job/images/job/base/"), 0);

        assertThat(builds).hasSize(2);
        assertThat(jenkins.rangesSupported()).contains(true);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void shouldReadHudsonBuildsWithoutClassesAndWithRepeatedKeys() throws HarvestException {
        routes.put(
                "/job/legacy-hudson/api/json",
                request -> json(
                        request.getRequestUrl().queryParameter("tree").startsWith("allBuilds")
                                ? "{}"
                                : fixture("hudson-builds.json")));

        List<JenkinsBuild> builds = jenkins.builds(job("legacy-hudson", "/job/legacy-hudson/"), 0);

        assertThat(jenkins.rangesSupported()).contains(false);
        JenkinsBuild one = builds.get(0);
        JenkinsBuild two = builds.get(1);
        // "building" appears twice in build 2: the last (false) wins
        assertThat(two.building()).isFalse();
        assertThat(two.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(two.causes()).containsExactly(new TriggerCause("", "Started by an SCM change", ""));
        assertThat(TriggerLabels.label(two.causes())).isEqualTo("push");
        assertThat(two.changeSetCommitIds()).containsExactly("e2e2e2");
        assertThat(two.revisions()).containsExactly(new BuiltRevision("e2e2e2", "origin/master", List.of()));
        // no branch in lastBuiltRevision: taken from buildsByBranchName
        assertThat(one.revisions()).containsExactly(new BuiltRevision("d1d1d1", "origin/master", List.of()));
        assertThat(TriggerLabels.label(one.causes())).isEqualTo("user:anonymous");
    }

    @Test
    void shouldReadTheGitRemotesOfAHudsonJobFromItsConfig() throws HarvestException {
        routes.put("/job/legacy-hudson/config.xml", request -> new MockResponse()
                .setHeader("Content-Type", "application/xml")
                .setBody(JobConfigParserTest.HUDSON_CONFIG.strip()));

        List<String> remotes = jenkins.gitRemoteUrls(job("legacy-hudson", "/job/legacy-hudson/"));

        assertThat(remotes).containsExactly("file:///srv/git/image-base.git");
        assertThat(requests.get(0).getPath()).isEqualTo("/job/legacy-hudson/config.xml");
    }

    @Test
    void shouldNameTheUrlWhenJenkinsRefusesTheToken() {
        routes.put(
                "/api/json", request -> new MockResponse().setResponseCode(403).setBody("<html>Access denied</html>"));

        HarvestException failure =
                catchThrowableOfType(HarvestException.class, () -> jenkins.discoverJobs(List.of(), List.of()));

        assertThat(failure.kind()).isEqualTo(FailureKind.AUTH);
        assertThat(failure.getMessage())
                .startsWith("403 ")
                .contains(base() + "/api/json")
                .endsWith("check the user and token")
                .doesNotContain(TOKEN);
        assertThat(requests).hasSize(1);
    }

    @Test
    void shouldReportALoginPageInsteadOfBuilds() {
        routes.put(
                "/job/x/api/json",
                request -> new MockResponse()
                        .setHeader("Content-Type", "text/html;charset=utf-8")
                        .setBody(
                                "<!DOCTYPE html><html><body><form action=\"j_spring_security_check\">Sign in</form></body></html>"));

        HarvestException failure =
                catchThrowableOfType(HarvestException.class, () -> jenkins.builds(job("x", "/job/x/"), 0));

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(failure.getMessage())
                .contains(base() + "/job/x/api/json")
                .contains("HTML page")
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldReportAMissingJobAndTruncatedJson() {
        routes.put("/job/y/api/json", request -> json("{\"allBuilds\":[{\"number\":3,\"actions\":[{"));

        HarvestException missing =
                catchThrowableOfType(HarvestException.class, () -> jenkins.builds(job("gone", "/job/gone/"), 0));
        HarvestException truncated =
                catchThrowableOfType(HarvestException.class, () -> jenkins.builds(job("y", "/job/y/"), 0));

        assertThat(missing.kind()).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(missing.getMessage()).contains(base() + "/job/gone/api/json");
        assertThat(truncated.kind()).isEqualTo(FailureKind.BAD_RESPONSE);
        assertThat(truncated.getMessage())
                .contains(base() + "/job/y/api/json")
                .contains("line 1, column")
                .doesNotContain(TOKEN);
    }

    @Test
    void shouldDecodePercentEscapesButKeepPlusSigns() {
        assertThat(JenkinsClient.decode("feature%2Flogin")).isEqualTo("feature/login");
        assertThat(JenkinsClient.decode("c++%20tools")).isEqualTo("c++ tools");
        assertThat(JenkinsClient.decode("caf%C3%A9")).isEqualTo("café");
        assertThat(JenkinsClient.decode("100%")).isEqualTo("100%");
    }
}
