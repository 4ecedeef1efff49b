package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.mutation.JsonMutator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jenkins client fed thousands of mutated Jenkins and Hudson {@code /api/json} answers (job
 * listings, freestyle, pipeline and Hudson builds): each ends in jobs or builds or in a
 * {@link HarvestException} naming the request, never another exception.
 */
class JenkinsPayloadMutationITest {
    private static final long SEED = 4122026L;
    private static final int ROUNDS = Integer.getInteger("mutation.rounds", 250);
    private static final List<String> BUILD_FIXTURES =
            List.of("freestyle-builds.json", "pipeline-builds.json", "hudson-builds.json");

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger mutantsServed = new AtomicInteger();
    private volatile String root = "{}";
    private volatile String deep = "{}";
    private volatile String builds = "{}";
    private volatile String mutatedPath = "";

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                String key = path.equals("/api/json")
                        ? "root"
                        : path.startsWith("/job/deep/job/a/job/b/") ? "deep" : "builds";
                if (key.equals(mutatedPath)) {
                    mutantsServed.incrementAndGet();
                }
                String body = key.equals("root") ? root : key.equals("deep") ? deep : builds;
                return new MockResponse()
                        .setHeader("Content-Type", "application/json")
                        .setBody(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void shouldEndEveryMutatedAnswerInJobsBuildsOrANamedFailure() throws Exception {
        // Given the Jenkins- and Hudson-shaped answers
        String rootFixture = fixture("root.json");
        String deepFixture = fixture("deep-b.json");
        JsonMutator mutator = new JsonMutator(SEED);
        HttpSettings settings = HttpSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
        RemoteHttp http = RemoteHttp.create("Jenkins", settings, Credentials.none());
        List<String> failures = new ArrayList<>();
        int tried = 0;
        int answered = 0;

        // When each answer is mutated many times and the client reads it
        for (int round = 0; round < ROUNDS; round++) {
            for (String target : List.of("root", "deep", "builds0", "builds1", "builds2")) {
                root = rootFixture;
                deep = deepFixture;
                JsonMutator.Mutant mutant;
                JenkinsClient jenkins = new JenkinsClient(server.url("/").toString(), http);
                tried++;
                try {
                    if (target.startsWith("builds")) {
                        String fixture = BUILD_FIXTURES.get(target.charAt(6) - '0');
                        mutant = mutator.mutate(fixture(fixture));
                        builds = mutant.json();
                        mutatedPath = "builds";
                        answer(
                                jenkins,
                                failures,
                                mutant,
                                () -> jenkins.builds(
                                        new BuildJob("images/app", base() + "/job/images/job/app/", "x"), 0));
                    } else {
                        mutant = mutator.mutate(target.equals("root") ? rootFixture : deepFixture);
                        if (target.equals("root")) {
                            root = mutant.json();
                        } else {
                            deep = mutant.json();
                        }
                        mutatedPath = target;
                        answer(jenkins, failures, mutant, () -> jenkins.discoverJobs(List.of("**"), List.of()));
                    }
                    answered++;
                } catch (HarvestException e) {
                    if (e.getMessage() == null || !e.getMessage().contains(server.getHostName())) {
                        failures.add(target + ": failure without the request: " + e);
                    }
                }
            }
        }

        // Then none escaped as an unexpected exception; the figures are printed for the record
        System.out.printf(
                "jenkins payload mutation test: %d mutated answers tried (%d served), %d answered, "
                        + "%d clean failures, %d bad%n",
                tried, mutantsServed.get(), answered - failures.size(), tried - answered, failures.size());
        assertThat(failures).isEmpty();
        assertThat(tried).isEqualTo(5 * ROUNDS);
        assertThat(mutantsServed.get()).as("mutants actually served").isGreaterThanOrEqualTo(tried * 3 / 4);
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws HarvestException;
    }

    /** Runs one call; an unexpected exception is recorded as a failure naming the mutation. */
    private static void answer(JenkinsClient jenkins, List<String> failures, JsonMutator.Mutant mutant, Call call)
            throws HarvestException {
        try {
            call.run();
        } catch (RuntimeException e) {
            failures.add(mutant.mutation() + " (seed " + SEED + "): " + e);
        }
    }

    private String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private String fixture(String name) throws IOException {
        try (InputStream in = JenkinsPayloadMutationITest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("BASE/", base() + "/");
        }
    }
}
