package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A store filled with a synthetic history written straight through the store's own writer (no harvest),
 * with a config naming it: what the dashboard benchmark serves.
 */
final class SyntheticStore {
    /** Builds written per transaction. */
    private static final int BATCH = 2_000;

    private SyntheticStore() {}

    /** Writes {@code builds} synthetic builds into an H2 store under {@code folder}; returns the config file. */
    static Path create(Path folder, int builds, long seed, LongConsumer progress) throws HarvestException, IOException {
        Files.createDirectories(folder);
        String jdbc = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath();
        List<BuildChanges> history = SyntheticHistory.generate(builds, seed);
        Map<String, List<StoredBuild>> byJob = new LinkedHashMap<>();
        for (BuildChanges build : history) {
            byJob.computeIfAbsent(build.build().job(), job -> new ArrayList<>())
                    .add(new StoredBuild(build.build(), false, "", List.of(), build.range()));
        }
        history = null; // the stored builds hold the same objects; let the list go
        long written = 0;
        try (BuildStore store = BuildStore.open(jdbc)) {
            for (Map.Entry<String, List<StoredBuild>> job : byJob.entrySet()) {
                List<StoredBuild> all = job.getValue();
                for (int from = 0; from < all.size(); from += BATCH) {
                    List<StoredBuild> batch = all.subList(from, Math.min(all.size(), from + BATCH));
                    long watermark = batch.get(batch.size() - 1).build().number();
                    store.save(job.getKey(), batch, watermark);
                    written += batch.size();
                    progress.accept(written);
                }
            }
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
}
