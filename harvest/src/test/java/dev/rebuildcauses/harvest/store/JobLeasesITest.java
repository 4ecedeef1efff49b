package dev.rebuildcauses.harvest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Job leases on a real PostgreSQL: one holder per job, expiry hands a job over, finishing ends it. */
class JobLeasesITest {
    private static final List<String> JOBS = List.of("a", "b");
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldGiveEachJobToOneHolderAndHandItOverWhenTheLeaseExpires() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        BuildStore.open(url).close();
        try (JobLeases first = JobLeases.open(url, "first", Duration.ofMillis(500));
                JobLeases second = JobLeases.open(url, "second", Duration.ofMillis(500))) {
            // Given two holders that registered the same jobs
            long since = first.now();
            first.register(JOBS);
            second.register(JOBS);

            // When both take a job, then the first stops renewing
            String firstJob = first.acquire(JOBS, since).orElseThrow();
            String secondJob = second.acquire(JOBS, since).orElseThrow();
            boolean noThird = second.acquire(JOBS, since).isEmpty();
            assertThat(second.finish(secondJob)).isTrue();
            Thread.sleep(700);

            // Then they held different jobs, and the expired one goes to the second holder, whose
            // finish is the last word; the first can no longer renew or finish it
            assertThat(firstJob).isNotEqualTo(secondJob);
            assertThat(noThird).isTrue();
            assertThat(second.heldElsewhere(JOBS, since)).isZero();
            assertThat(second.acquire(JOBS, since)).contains(firstJob);
            assertThat(first.renew(firstJob)).isFalse();
            assertThat(second.finish(firstJob)).isTrue();
            assertThat(first.finish(firstJob)).isFalse();
            assertThat(first.acquire(JOBS, since)).isEmpty();
            assertThat(first.heldElsewhere(JOBS, since)).isZero();
        }
    }
}
