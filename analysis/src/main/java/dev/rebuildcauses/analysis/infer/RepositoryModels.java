package dev.rebuildcauses.analysis.infer;

import java.util.LinkedHashMap;
import java.util.Map;

/** The repository models of one repository, read once per revision and kept for reuse (least recently used go first). */
public final class RepositoryModels {
    private static final int CAPACITY = 64;

    private final RepositorySnapshot snapshot;
    private final ParsedFiles parsedFiles = new ParsedFiles();
    private final RepositoryModelReader reader;
    private final Map<String, RepositoryModel> models = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RepositoryModel> eldest) {
            return size() > CAPACITY;
        }
    };
    /**
     * Models a pass over the builds read for the next one (the image split for the classifier),
     * oldest first, each taken out when asked for: both passes read the same revisions in the same
     * order, and the LRU cache alone keeps too few for the second to find them.
     */
    private final Map<String, RepositoryModel> handedOver = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RepositoryModel> eldest) {
            return size() > HANDED_OVER;
        }
    };

    private static final int HANDED_OVER = 2048;
    private boolean handingOver;
    private int modelsBuilt;

    public RepositoryModels(RepositorySnapshot snapshot) {
        this.snapshot = snapshot;
        this.reader = new RepositoryModelReader(snapshot, parsedFiles);
    }

    /** The model of {@code revision}, read from the snapshot the first time it is asked for. */
    public synchronized RepositoryModel at(String revision) throws SnapshotException {
        RepositoryModel model = models.get(revision);
        if (model == null) {
            model = handedOver.remove(revision);
            if (model == null) {
                model = reader.read(revision);
                modelsBuilt++;
            }
            models.put(revision, model);
        }
        if (handingOver) {
            handedOver.put(revision, model);
        }
        return model;
    }

    /** From now on, keeps every model asked for (up to {@value #HANDED_OVER}) for the next pass over the builds. */
    synchronized void handOver(boolean on) {
        handingOver = on;
    }

    /** The parsed files shared by every model and by Dockerfile diffs, so each content is parsed once. */
    ParsedFiles parsedFiles() {
        return parsedFiles;
    }

    public RepositorySnapshot snapshot() {
        return snapshot;
    }

    /** How many models were read so far: one per revision asked for, not one per build. */
    public synchronized int modelsBuilt() {
        return modelsBuilt;
    }

    /** How often models analysed their CI files and their Dockerfiles, rather than reusing the last model's analysis. */
    synchronized int[] analyses() {
        return new int[] {reader.ciAnalyses(), reader.dockerfileAnalyses()};
    }

    /** How many Dockerfiles, CI files and CI scripts were parsed to build them. */
    public synchronized int filesParsed() {
        return reader.filesParsed();
    }
}
