package dev.rebuildcauses.plugin;

import static dev.rebuildcauses.plugin.BuildRecorderTest.build;
import static dev.rebuildcauses.plugin.BuildRecorderTest.withUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.store.BuildFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkQueueTest {
    @TempDir
    Path dir;

    private PluginStore store;
    private final Logger queueLog = Logger.getLogger(WorkQueue.class.getName()); // held: loggers are weak
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void open() throws HarvestException {
        store = PluginStore.open("jdbc:h2:file:" + dir.resolve("store"));
        queueLog.addHandler(capture);
    }

    @AfterEach
    void close() throws HarvestException {
        queueLog.removeHandler(capture);
        store.close();
    }

    @Test
    void shouldLoseNoBuildWhileTheChangeSourceIsDownAndRecordThemWhenItIsBack() throws Exception {
        // Given a change source that is unreachable
        Outage source = new Outage();
        try (WorkQueue queue = new WorkQueue(store.pending(), new BuildRecorder(store, Optional.of(source)), 10)) {
            queue.submit(withUrl(build(1, "aaa", ""), "file:///app.git"));
            queue.submit(withUrl(build(2, "bbb", ""), "file:///app.git"));
            queue.submit(withUrl(build(3, "ccc", ""), "file:///app.git"));
            await(() -> source.calls > 0 && queue.pending() == 2);

            // When it comes back and the periodic sweep runs
            source.down = false;
            queue.sweep();

            // Then every build is stored, in order, and nothing is pending
            await(() -> queue.pending() == 0);
        }
        assertThat(store.builds(BuildFilter.all()))
                .extracting(b -> b.range().fromRevision())
                .containsExactly(null, "aaa", "bbb");
        assertThat(log).anyMatch(line -> line.startsWith("INFO") && line.contains("waits for its change source"));
    }

    @Test
    void shouldResumePendingBuildsFromTheStoreAfterARestart() throws Exception {
        // Given builds kept pending in the store by a server that stopped before recording them
        store.pending().add(build(1, "aaa", ""));
        store.pending().add(build(2, "bbb", BuildRecorderTest.hudsonJson("bbb", "app.py")));
        store.close();

        // When the plugin starts again on the same store
        store = PluginStore.open("jdbc:h2:file:" + dir.resolve("store"));
        assertThat(store.pending().all()).extracting(FinishedBuild::number).containsExactly(1L, 2L);
        try (WorkQueue queue = new WorkQueue(store.pending(), new BuildRecorder(store, Optional.empty()), 10)) {
            assertThat(queue.sweep()).isEqualTo(2);
            await(() -> queue.pending() == 0);
        }

        // Then both are stored
        assertThat(store.builds(BuildFilter.all())).hasSize(2);
    }

    @Test
    void shouldSayClearlyWhenTheQueueIsFullAndKeepTheBuildPending() throws Exception {
        // Given a worker stuck on a slow change source and a queue of one
        CountDownLatch release = new CountDownLatch(1);
        ChangeSource slow = (repository, from, to) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChangeRange.resolved(from, to, List.of(), List.of());
        };
        try (WorkQueue queue = new WorkQueue(store.pending(), new BuildRecorder(store, Optional.of(slow)), 1)) {
            queue.submit(withUrl(build(1, "aaa", ""), "file:///app.git"));
            await(() -> queue.pending() == 0);
            queue.submit(withUrl(build(2, "bbb", ""), "file:///app.git")); // the worker takes it and waits
            Thread.sleep(300);
            queue.submit(withUrl(build(3, "ccc", ""), "file:///app.git")); // fills the queue
            queue.submit(withUrl(build(4, "ddd", ""), "file:///app.git")); // does not fit

            // Then one clear line says so, and the build is still pending in the store
            assertThat(log)
                    .anyMatch(line -> line.startsWith("WARNING")
                            && line.contains("work queue is full")
                            && line.contains("image#4"));
            assertThat(queue.pending()).isEqualTo(3);

            // And once the source answers, a sweep records it
            release.countDown();
            await(() -> {
                queue.sweep();
                return queue.pending() == 0;
            });
        }
        assertThat(store.builds(BuildFilter.all())).hasSize(4);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }

    /** A change source that fails like an unreachable Bitbucket until told otherwise. */
    private static final class Outage implements ChangeSource {
        volatile boolean down = true;
        volatile int calls;

        @Override
        public ChangeRange resolve(String repository, String fromRevision, String toRevision) throws HarvestException {
            calls++;
            if (down) {
                throw new HarvestException(FailureKind.UNREACHABLE, "bitbucket: connection refused");
            }
            return ChangeRange.resolved(fromRevision, toRevision, List.of(), List.of());
        }
    }
}
