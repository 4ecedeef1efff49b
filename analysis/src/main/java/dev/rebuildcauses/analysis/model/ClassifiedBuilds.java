package dev.rebuildcauses.analysis.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Classified builds kept as their builds plus one cause set each: a build is made a {@link ClassifiedBuild}
 * only when asked for. Over builds made on demand (a scanned history), a million classified builds then cost
 * four bytes each instead of their builds, ranges, commits and files for the whole run.
 */
public final class ClassifiedBuilds extends AbstractList<ClassifiedBuild>
        implements RandomAccess, ChangesOmitted<ClassifiedBuild> {
    private final List<BuildChanges> builds;
    private final List<BuildChanges> omitting;
    private final List<BuildChanges> commitless;
    private final CauseSet[] causes;
    private int classified;

    /** Room for the causes of {@code builds}, to be given in their order with {@link #addCauses}. */
    public ClassifiedBuilds(List<BuildChanges> builds) {
        this.builds = builds;
        this.omitting = ChangesOmitted.view(builds);
        this.commitless = ChangesOmitted.withoutCommitsView(builds);
        this.causes = new CauseSet[builds.size()];
    }

    /**
     * Adds the next build, which must be {@code builds.get(size())} classified: its build and range are
     * taken from the builds, its causes kept.
     */
    public void addCauses(CauseSet set) {
        causes[classified++] = Objects.requireNonNull(set, "causes");
    }

    /** Collects classified builds in the order of the builds they classify. */
    public interface Collector {
        /** Adds the classification of the next build. */
        void add(ClassifiedBuild classified);

        /** Those added so far. */
        List<ClassifiedBuild> classified();
    }

    /**
     * A collector for the classified builds of {@code builds}: over builds made on demand ({@link
     * ChangesOmitted}) it keeps only their causes, as a {@link ClassifiedBuilds}; over builds in memory it
     * keeps the classified builds as given, which costs 24 bytes each and makes nothing again on each read.
     */
    public static Collector collecting(List<BuildChanges> builds) {
        if (builds instanceof ChangesOmitted<?>) {
            ClassifiedBuilds classified = new ClassifiedBuilds(builds);
            return new Collector() {
                @Override
                public void add(ClassifiedBuild build) {
                    classified.addCauses(build.causes());
                }

                @Override
                public List<ClassifiedBuild> classified() {
                    return classified;
                }
            };
        }
        List<ClassifiedBuild> kept = new ArrayList<>(builds.size());
        return new Collector() {
            @Override
            public void add(ClassifiedBuild build) {
                kept.add(build);
            }

            @Override
            public List<ClassifiedBuild> classified() {
                return kept;
            }
        };
    }

    @Override
    public ClassifiedBuild get(int index) {
        Objects.checkIndex(index, classified);
        BuildChanges build = builds.get(index);
        return new ClassifiedBuild(build.build(), build.range(), causes[index]);
    }

    @Override
    public ClassifiedBuild withoutChanges(int index) {
        Objects.checkIndex(index, classified);
        BuildChanges build = omitting.get(index);
        return new ClassifiedBuild(build.build(), build.range(), causes[index]);
    }

    @Override
    public ClassifiedBuild withoutCommits(int index) {
        Objects.checkIndex(index, classified);
        BuildChanges build = commitless.get(index);
        return new ClassifiedBuild(build.build(), build.range(), causes[index]);
    }

    @Override
    public int size() {
        return classified;
    }
}
