package dev.rebuildcauses.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.harvest.config.CronSchedule;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.ExportFile;
import dev.rebuildcauses.harvest.config.ExportFilter;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportSchedulerTest {
    /** Every second: the six-field form, seconds first. */
    private static final String EVERY_SECOND = "* * * * * *";
    /** Generous: these machines are shared and often loaded. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private String store;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Logger schedulerLog = Logger.getLogger(ExportScheduler.class.getName());

    @BeforeEach
    void fillStore() throws Exception {
        store = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        StoreBuilds.save(store, StoreBuilds.history(600));
        schedulerLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        schedulerLog.removeHandler(capture);
    }

    private ExportRunner runner() {
        return new ExportRunner(BuildSource.store(store), RuleSet.defaults(), Clock.systemUTC());
    }

    private ExportConfig everySecond(String name, List<ExportFile> files, int keep) throws Exception {
        return new ExportConfig(
                name, CronSchedule.parse(EVERY_SECOND), files, ExportFilter.ALL, dir.resolve(name), keep);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s for %s", PATIENCE, what).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void shouldFireOnScheduleWithFilesThatAReaderNeverSeesHalfWritten() throws Exception {
        // Given what the report writes for the store's builds: each export must match it row for row
        Path reference = Files.createDirectories(dir.resolve("reference"));
        ReportPipeline.of(RuleSet.defaults()).run(BuildSource.store(store).load(BuildFilter.all()), reference);
        Map<String, List<CSVRecord>> expected = new HashMap<>();
        for (String stem : List.of("builds", "causes")) {
            expected.put(stem, ExportRunnerTest.csv(reference.resolve(stem + ".csv")));
        }
        assertThat(expected.get("builds")).hasSize(1 + 4 * 600);
        ExportConfig export = everySecond("live", List.of(ExportFile.BUILDS, ExportFile.CAUSES), 2);

        // and a reader polling the export folder, parsing every file it sees
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger filesRead = new AtomicInteger();
        Set<String> asOfFilesSeen = Collections.synchronizedSet(new HashSet<>());
        List<String> problems = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                for (Path file : visibleFiles(export.target())) {
                    String name = file.getFileName().toString();
                    String stem = name.substring(0, name.indexOf('-'));
                    try {
                        List<CSVRecord> rows = ExportRunnerTest.csv(file);
                        List<CSVRecord> want = expected.get(stem);
                        if (want == null) {
                            problems.add("unexpected file " + name);
                        } else if (rows.size() != want.size()
                                || !rows.get(0).toList().equals(want.get(0).toList())
                                || !rows.get(rows.size() - 1)
                                        .toList()
                                        .equals(want.get(want.size() - 1).toList())) {
                            problems.add(name + ": " + rows.size() + " rows, expected " + want.size());
                        }
                        filesRead.incrementAndGet();
                        if (!name.contains("latest")) {
                            asOfFilesSeen.add(name);
                        }
                    } catch (NoSuchFileException gone) {
                        // retention deleted it between listing and reading: gone whole, not half-written
                    } catch (IOException | RuntimeException e) {
                        problems.add(name + ": " + e);
                    }
                }
            }
        });
        reader.start();

        // When the scheduler runs the export every second until it has written at least 4 times
        List<ExportStatus> seen = new CopyOnWriteArrayList<>();
        ExportScheduler stopped;
        try (ExportScheduler scheduler = ExportScheduler.builder(runner(), Clock.systemUTC())
                .exports(List.of(export))
                .listener(seen::add)
                .start()) {
            stopped = scheduler;
            assertThat(scheduler.status("live")).get().satisfies(status -> {
                assertThat(status.lastSuccessTime()).isEmpty();
                assertThat(status.nextRunTime()).isPresent();
            });
            await("4 scheduled runs", () -> seen.size() >= 4);
            await("the reader to see 3 as-of copies", () -> asOfFilesSeen.size() >= 6);
            ExportStatus status = scheduler.status("live").orElseThrow();
            assertThat(status.lastSuccessTime()).isPresent();
            assertThat(status.isFailing()).isFalse();
            assertThat(status.nextRun()).isAfter(status.lastSuccess().minusSeconds(1));
        } finally {
            reading.set(false);
            reader.join();
        }

        // Then a stopped scheduler announces no next run
        assertThat(stopped.status("live").orElseThrow().nextRunTime()).isEmpty();
        // and the reader parsed many files and every one was complete, with the header and every row
        assertThat(problems).isEmpty();
        assertThat(filesRead.get()).isGreaterThan(8);
        assertThat(seen).allSatisfy(status -> assertThat(status.isFailing()).isFalse());
        // and retention left the 2 newest as-of copies of each file, plus the latest
        assertThat(visibleFiles(export.target()))
                .extracting(path -> path.getFileName().toString())
                .hasSize(6)
                .contains("builds-latest.csv", "causes-latest.csv");
    }

    @Test
    void shouldKeepRunningTheOtherExportsAndRetryAFailingOneAtItsNextTime() throws Exception {
        // Given one export whose folder is blocked by a regular file, one that works, and a harvest failing once
        ExportConfig blocked = everySecond("blocked", List.of(ExportFile.CAUSES), 3);
        ExportConfig working = everySecond("working", List.of(ExportFile.JOBS), 3);
        Files.writeString(blocked.target(), "a file where the folder should be");
        AtomicInteger harvests = new AtomicInteger();
        Runnable harvest = () -> {
            if (harvests.incrementAndGet() == 1) {
                throw new IllegalStateException("Jenkins unreachable at http://ci.example/");
            }
        };

        try (ExportScheduler scheduler = ExportScheduler.builder(runner(), Clock.systemUTC())
                .exports(List.of(blocked, working))
                .harvest(CronSchedule.parse(EVERY_SECOND), harvest)
                .start()) {
            // When they have run a few times
            await(
                    "the working export to succeed twice",
                    () -> filesOf(working.target()).size() >= 3);
            await("the blocked export to fail", () -> scheduler
                    .status("blocked")
                    .map(ExportStatus::isFailing)
                    .orElse(false));
            await("the harvest to succeed after failing", () -> scheduler
                    .harvestStatus()
                    .flatMap(ExportStatus::lastSuccessTime)
                    .isPresent());

            // Then the failure is in the status with its cause and a next run, and in the log
            ExportStatus failing = scheduler.status("blocked").orElseThrow();
            assertThat(failing.failureCause())
                    .startsWith("export blocked: cannot write " + blocked.target())
                    .contains("a file is in the way");
            assertThat(failing.lastSuccessTime()).isEmpty();
            assertThat(failing.nextRun()).isAfter(failing.lastFailure().minusSeconds(1));
            assertThat(scheduler.status("working").orElseThrow().isFailing()).isFalse();
            assertThat(scheduler.statuses()).extracting(ExportStatus::name).containsExactly("blocked", "working");
            ExportStatus harvested = scheduler.harvestStatus().orElseThrow();
            assertThat(harvested.failureCause()).contains("Jenkins unreachable");
            assertThat(harvested.isFailing()).isFalse();
            assertThat(logged)
                    .filteredOn(record -> record.getLevel() == Level.WARNING)
                    .extracting(LogRecord::getMessage)
                    .anySatisfy(message -> assertThat(message).contains("export blocked: cannot write"));

            // When the file in the way is removed
            Files.delete(blocked.target());

            // Then the next tick writes the export, without a restart
            await("the blocked export to recover", () -> scheduler
                    .status("blocked")
                    .flatMap(ExportStatus::lastSuccessTime)
                    .isPresent());
            assertThat(filesOf(blocked.target())).contains(blocked.target().resolve("causes-latest.csv"));
        }
    }

    private static List<Path> visibleFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        for (Path file : filesOf(folder)) {
            if (!file.getFileName().toString().startsWith(".")) {
                files.add(file);
            }
        }
        return files;
    }

    private static List<Path> filesOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            // the folder changed while listed: try again on the next poll
            return List.of();
        }
    }
}
