package dev.rebuildcauses.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
    private static final SimulatedHistory HISTORY = SimulatedHistory.generate(3, 300);
    private static final String AUTH = Http.basic("demo", "demo-jenkins-token");

    private static Simulator start(FaultPlan jenkins) {
        return Simulator.start(SimulatorOptions.defaults().withFaults(jenkins, FaultPlan.none()), HISTORY);
    }

    @Test
    void shouldAnswer429WithRetryAfterThenServeTheRetry() {
        // Given every first and second attempt rate-limited with Retry-After
        try (Simulator simulator = start(FaultPlan.none().withFaults(1.0, 1.0, 0, 0, 0, 1))) {
            String url = simulator.jenkinsUrl() + "api/json?" + Http.tree("jobs[name]");

            // When the client asks three times
            HttpResponse<String> first = Http.get(url, AUTH);
            HttpResponse<String> second = Http.get(url, AUTH);
            HttpResponse<String> third = Http.get(url, AUTH);

            // Then two 429s with Retry-After, then the answer; three requests counted
            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).contains("1");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(simulator.jenkins().requestCount()).isEqualTo(3);
            assertThat(simulator.jenkins().faultCount(FaultPlan.Fault.TOO_MANY_REQUESTS_RETRY_AFTER))
                    .isEqualTo(2);
        }
    }

    @Test
    void shouldAnswer429WithoutRetryAfterAnd500() {
        try (Simulator limited = start(FaultPlan.none().withFaults(1.0, 0.0, 0, 0, 0, 1));
                Simulator failing = start(FaultPlan.none().withFaults(0, 0, 1.0, 0, 0, 1))) {
            HttpResponse<String> tooMany = Http.get(limited.jenkinsUrl() + "api/json", AUTH);
            HttpResponse<String> error = Http.get(failing.jenkinsUrl() + "api/json", AUTH);

            assertThat(tooMany.statusCode()).isEqualTo(429);
            assertThat(tooMany.headers().firstValue("Retry-After")).isEmpty();
            assertThat(error.statusCode()).isEqualTo(500);
            assertThat(error.body()).contains("<html>");
        }
    }

    @Test
    void shouldCutTruncatedBodiesShort() {
        try (Simulator simulator = start(FaultPlan.none().withFaults(0, 0, 0, 1.0, 0, 1))) {
            String url = simulator.jenkinsUrl() + "api/json?" + Http.tree("jobs[name,url,jobs[name,url]]");

            assertThatThrownBy(() -> Http.get(url, AUTH)).isInstanceOf(UncheckedIOException.class);
            assertThatThrownBy(() -> Http.get(url, AUTH)).isInstanceOf(UncheckedIOException.class);
            assertThat(Http.get(url, AUTH).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldTrickleSlowBodiesAndAddLatency() {
        try (Simulator simulator =
                start(FaultPlan.none().withFaults(0, 0, 0, 0, 1.0, 1).withLatency(Duration.ofMillis(50)))) {
            String url = simulator.jenkinsUrl() + "api/json";
            long started = System.nanoTime();
            HttpResponse<String> slow = Http.get(url, AUTH);
            long slowMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(slow.statusCode()).isEqualTo(200);
            assertThat(slowMillis).isGreaterThanOrEqualTo(50 + 300);
        }
    }

    @Test
    void shouldDrawTheSameFaultsForTheSameSeed() {
        FaultPlan plan = FaultPlan.none().withFaults(0.2, 0.5, 0.2, 0.1, 0.1, 99);
        FaultPlan other = FaultPlan.none().withFaults(0.2, 0.5, 0.2, 0.1, 0.1, 100);
        List<FaultPlan.Fault> draws = new ArrayList<>();
        List<FaultPlan.Fault> again = new ArrayList<>();
        List<FaultPlan.Fault> otherDraws = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            draws.add(plan.draw("/job/x/" + i, 0));
            again.add(plan.draw("/job/x/" + i, 0));
            otherDraws.add(other.draw("/job/x/" + i, 0));
        }

        assertThat(draws).isEqualTo(again).isNotEqualTo(otherDraws);
        long faulty = draws.stream().filter(f -> f != FaultPlan.Fault.NONE).count();
        assertThat(faulty).isBetween(80L, 160L);
        assertThat(plan.draw("/job/x/1", 2)).isEqualTo(FaultPlan.Fault.NONE);
    }
}
