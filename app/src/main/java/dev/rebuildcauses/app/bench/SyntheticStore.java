package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * A store filled with a synthetic history written straight through the store's own writer (no harvest),
 * with a config naming it: what the dashboard and report benchmarks read.
 */
final class SyntheticStore {
    /**
     * Builds generated before they are written, each job's share in a transaction of its own: small enough
     * that H2 writes a transaction's rows once, at its commit (a batch of 2,000 builds of one job outgrew
     * H2's write buffer, so its rows were written uncommitted and then again committed).
     */
    private static final int BATCH = 10_000;

    /**
     * While writing, H2 compacts in the background (it does only with a write delay) and frees rewritten
     * chunks after a second, not 45: without, a million builds left a file of more than 17 GB. A benchmark's
     * store need not survive a kill; the config names the store without these settings.
     */
    private static final String WRITING = ";WRITE_DELAY=100;RETENTION_TIME=1000";

    private SyntheticStore() {}

    /**
     * Writes {@code builds} synthetic builds into an H2 store under {@code folder}, generated as they are
     * written (never all in memory), and compacts the file; returns the config file.
     */
    static Path create(Path folder, int builds, long seed, LongConsumer progress) throws HarvestException, IOException {
        Files.createDirectories(folder);
        String jdbc = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath();
        BuildStore.delete(jdbc);
        Map<String, List<StoredBuild>> pending = new TreeMap<>();
        long[] written = {0};
        try (BuildStore store = BuildStore.open(jdbc + WRITING)) {
            int[] generated = {0};
            SyntheticHistory.generate(builds, seed, build -> {
                pending.computeIfAbsent(build.build().job(), job -> new ArrayList<>())
                        .add(new StoredBuild(build.build(), false, "", List.of(), build.range()));
                if (++generated[0] % BATCH == 0) {
                    written[0] += save(store, pending);
                    progress.accept(written[0]);
                }
            });
            written[0] += save(store, pending);
            progress.accept(written[0]);
            store.compactAndClose();
        } catch (UncheckedHarvestException e) {
            throw e.getCause();
        }
        Path config = folder.resolve("rebuild-causes.yml");
        Files.writeString(
                config,
                "# written by 'rebuild-causes bench-serve': a synthetic store, never harvested\n"
                        + "jenkins:\n"
                        + "  url: http://127.0.0.1:9/\n"
                        + "changes:\n"
                        + "  source: bitbucket-server\n"
                        + "  url: http://127.0.0.1:9/\n"
                        + "store: " + jdbc + "\n",
                StandardCharsets.UTF_8);
        return config;
    }

    /** Writes each job's pending builds (with the last as its watermark) and forgets them; returns how many. */
    private static int save(BuildStore store, Map<String, List<StoredBuild>> pending) {
        int saved = 0;
        for (Map.Entry<String, List<StoredBuild>> job : pending.entrySet()) {
            List<StoredBuild> batch = job.getValue();
            try {
                store.save(
                        job.getKey(), batch, batch.get(batch.size() - 1).build().number());
            } catch (HarvestException e) {
                throw new UncheckedHarvestException(e);
            }
            saved += batch.size();
        }
        pending.clear();
        return saved;
    }

    /** A store failure carried out of the generator's callback. */
    private static final class UncheckedHarvestException extends RuntimeException {
        UncheckedHarvestException(HarvestException cause) {
            super(cause);
        }

        @Override
        public synchronized HarvestException getCause() {
            return (HarvestException) super.getCause();
        }
    }
}
