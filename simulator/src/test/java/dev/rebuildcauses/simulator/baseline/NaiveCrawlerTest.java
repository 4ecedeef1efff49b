package dev.rebuildcauses.simulator.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NaiveCrawlerTest {
    @Test
    void shouldAskForEveryBuildAndEveryCommitOneAtATime() throws IOException {
        // Given a small simulated history
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(400))) {
            SimulatorOptions options = simulator.options();
            NaiveCrawler crawler = new NaiveCrawler(
                    simulator.jenkinsUrl(),
                    options.jenkinsUser(),
                    options.jenkinsToken(),
                    simulator.bitbucketUrl(),
                    options.bitbucketToken());

            // When the naive crawler runs to the end
            NaiveCrawler.Result result = crawler.crawl(Duration.ofMinutes(5));

            // Then it made one request per container, job, build and changelog commit
            int builds = simulator.history().buildCount();
            int commits = simulator.history().buildableJobs().stream()
                    .flatMap(job -> job.builds().stream())
                    .mapToInt(build -> build.changeLog().size())
                    .sum();
            int jobs = simulator.history().buildableJobs().size();
            long containers = countContainers(simulator.history().roots()) + 1;
            assertThat(result.complete()).isTrue();
            assertThat(result.builds()).isEqualTo(builds);
            assertThat(result.commits()).isEqualTo(commits);
            assertThat(result.requests()).isEqualTo(containers + jobs + builds + commits);
            assertThat(simulator.requestCount()).isEqualTo(result.requests());
            assertThat(NaiveCrawler.plannedRequests(simulator.history())).isEqualTo(result.requests());
        }
    }

    private static long countContainers(java.util.List<SimulatedJob> items) {
        long count = 0;
        for (SimulatedJob item : items) {
            if (item.kind().isContainer()) {
                count += 1 + countContainers(item.children());
            }
        }
        return count;
    }

    @Test
    void shouldParseJsonValues() {
        Object parsed = JsonReader.parse("{\"a\":[1,2.5,\"x\\n\\u0041\",true,null,{}],\"b\":-3}");

        assertThat(parsed.toString()).isEqualTo("{a=[1, 2.5, x\nA, true, null, {}], b=-3}");
    }
}
