package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Turns the commits of a repository that builds several images into one job per image: a commit
 * is a build of an image when it changes something in that image's build context (or its
 * Dockerfile), or in an image of the repository it is built {@code FROM}. A first build and an
 * empty commit (a push to rebuild) build every image. Each commit is judged by the images of its
 * own revision, so images that moved keep their name.
 */
public final class ImageJobs {
    /**
     * How many builds an image got, and how many of them came only from a change upstream.
     *
     * @param builds builds of the image
     * @param upstreamBuilds builds whose commits changed nothing of the image itself, only an image it is built on
     */
    public record ImageCount(int builds, int upstreamBuilds) {}

    /**
     * The split.
     *
     * @param builds the builds of every image, in commit order (images of one commit in path order)
     * @param graph the images at the last commit
     * @param counts per image name, its builds and upstream builds, in the order of {@code graph}
     * @param commitsOutsideImages commits that changed files but nothing any image is built from
     */
    public record Split(
            List<BuildChanges> builds, ImageGraph graph, Map<String, ImageCount> counts, int commitsOutsideImages) {}

    private final RepositoryModels models;
    private final String repositoryName;

    public ImageJobs(RepositoryModels models, String repositoryName) {
        this.models = models;
        this.repositoryName = repositoryName;
    }

    /** The images of the repository at {@code revision}. */
    public ImageGraph graphAt(String revision) throws SnapshotException {
        return ImageGraph.of(models.at(revision), repositoryName);
    }

    /**
     * The split of {@code builds} when the repository builds several images at its last build's
     * revision; empty when it builds one or none (one job then says it all).
     */
    public java.util.Optional<Split> splitIfSeveral(List<BuildChanges> builds) throws SnapshotException {
        String tip = null;
        // the last build with a revision: from the end, so builds made on demand are not all made
        for (int i = builds.size() - 1; i >= 0 && tip == null; i--) {
            tip = builds.get(i).range().toRevision();
        }
        if (tip == null || graphAt(tip).size() < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(split(builds));
    }

    /**
     * Splits {@code builds}, one per commit in history order (as a scan makes them), by image. The
     * models it reads are kept for the classification of the same builds that follows.
     */
    public Split split(List<BuildChanges> builds) throws SnapshotException {
        models.handOver(true);
        try {
            return splitting(builds);
        } finally {
            models.handOver(false);
        }
    }

    private Split splitting(List<BuildChanges> builds) throws SnapshotException {
        ImageBuilds out = new ImageBuilds(builds);
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        int outside = 0;
        RepositoryModel model = null;
        ImageGraph graph = null;
        for (int position = 0; position < builds.size(); position++) {
            ChangeRange range = builds.get(position).range();
            String revision = range.toRevision();
            if (revision == null) {
                continue;
            }
            if (model == null || range.status() != RangeStatus.RESOLVED || changesModel(model, range)) {
                model = models.at(revision);
                graph = ImageGraph.of(model, repositoryName);
            }
            boolean everyImage =
                    range.status() != RangeStatus.RESOLVED || range.files().isEmpty();
            Set<String> direct = everyImage ? Set.of() : direct(graph, range);
            if (!everyImage && direct.isEmpty()) {
                outside++;
                continue;
            }
            for (ImageGraph.Image image : graph.images()) {
                boolean own = everyImage || direct.contains(image.name());
                boolean upstream =
                        !own && graph.ancestors(image.name()).stream().anyMatch(direct::contains);
                if (!own && !upstream) {
                    continue;
                }
                out.add(position, image.name(), numbers.merge(image.name(), 1, Integer::sum));
                int[] count = counts.computeIfAbsent(image.name(), name -> new int[2]);
                count[0]++;
                if (upstream) {
                    count[1]++;
                }
            }
        }
        ImageGraph last = graph == null ? ImageGraph.of(emptyModel(), repositoryName) : graph;
        Map<String, ImageCount> result = new LinkedHashMap<>();
        for (ImageGraph.Image image : last.images()) {
            int[] count = counts.getOrDefault(image.name(), new int[2]);
            result.put(image.name(), new ImageCount(count[0], count[1]));
        }
        counts.forEach((name, count) -> result.putIfAbsent(name, new ImageCount(count[0], count[1])));
        return new Split(out.trimmed(), last, result, outside);
    }

    /**
     * The builds of the images: each a build of the given list renamed after its image and renumbered,
     * made when asked for, so builds made on demand stay so.
     */
    private static final class ImageBuilds extends AbstractList<BuildChanges>
            implements RandomAccess, ChangesOmitted<BuildChanges> {
        private final List<BuildChanges> source;
        private final List<BuildChanges> omitting;
        private final List<BuildChanges> commitless;
        private int[] positions = new int[64];
        private String[] images = new String[64];
        private int[] numbers = new int[64];
        private int size;

        ImageBuilds(List<BuildChanges> source) {
            this.source = source;
            this.omitting = ChangesOmitted.view(source);
            this.commitless = ChangesOmitted.withoutCommitsView(source);
        }

        void add(int position, String image, int number) {
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
                images = Arrays.copyOf(images, size * 2);
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            positions[size] = position;
            images[size] = image;
            numbers[size] = number;
            size++;
        }

        ImageBuilds trimmed() {
            positions = Arrays.copyOf(positions, size);
            images = Arrays.copyOf(images, size);
            numbers = Arrays.copyOf(numbers, size);
            return this;
        }

        @Override
        public BuildChanges get(int index) {
            return renamed(index, source.get(positions[Objects.checkIndex(index, size)]));
        }

        @Override
        public BuildChanges withoutChanges(int index) {
            return renamed(index, omitting.get(positions[Objects.checkIndex(index, size)]));
        }

        @Override
        public BuildChanges withoutCommits(int index) {
            return renamed(index, commitless.get(positions[Objects.checkIndex(index, size)]));
        }

        private BuildChanges renamed(int index, BuildChanges build) {
            Build original = build.build();
            return new BuildChanges(
                    new Build(
                            images[index],
                            numbers[index],
                            original.startedAt(),
                            original.duration(),
                            original.result(),
                            original.trigger(),
                            original.revision(),
                            original.branch()),
                    build.range());
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static boolean changesModel(RepositoryModel model, ChangeRange range) {
        for (FileChange change : range.files()) {
            if (model.dependsOn(change.path()) || (change.oldPath() != null && model.dependsOn(change.oldPath()))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> direct(ImageGraph graph, ChangeRange range) {
        Set<String> direct = new LinkedHashSet<>();
        for (FileChange change : range.files()) {
            for (ImageGraph.Image image : graph.images()) {
                if (image.contains(change.path()) || (change.oldPath() != null && image.contains(change.oldPath()))) {
                    direct.add(image.name());
                }
            }
        }
        return direct;
    }

    private static RepositoryModel emptyModel() {
        return new RepositoryModel(
                "", Map.of(), Map.of(), Map.of(), Set.of(), Set.of(), Set.of(), false, Set.of(), Set.of(), Map.of());
    }
}
