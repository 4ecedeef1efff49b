package dev.rebuildcauses.analysis.classify;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a build's change range into its causes: the union of the causes of every changed path (a
 * renamed file counts with its old and new path), or a build cause when no file changed. Thread-safe;
 * builds share few distinct cause sets, so these are interned.
 */
public final class BuildClassifier {
    private static final CauseSet FIRST_BUILD = CauseSet.of(Causes.FIRST_BUILD);
    private static final CauseSet NO_NEW_COMMIT = CauseSet.of(Causes.NO_NEW_COMMIT);
    private static final CauseSet UNKNOWN_RANGE = CauseSet.of(Causes.UNKNOWN_RANGE);
    private static final CauseSet NO_REVISION = CauseSet.of(Causes.NO_REVISION);
    private static final CauseSet NO_CHANGE_SOURCE = CauseSet.of(Causes.NO_CHANGE_SOURCE);
    private static final CauseSet EMPTY_COMMIT = CauseSet.of(Causes.EMPTY_COMMIT);

    private final PathClassifier paths;
    /** Bit positions of the cause names seen so far; names past 63 take the slow path. */
    private final ConcurrentHashMap<String, Integer> causeBits = new ConcurrentHashMap<>();

    private final ConcurrentHashMap<Long, CauseSet> setsByBits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CauseSet> setsByKey = new ConcurrentHashMap<>();
    private final Object bitLock = new Object();
    private volatile String[] namesByBit = new String[0];

    public BuildClassifier(PathClassifier paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    public ClassifiedBuild classify(BuildChanges build) {
        return new ClassifiedBuild(build.build(), build.range(), causesOf(build.range()));
    }

    /** The causes of one change range. */
    public CauseSet causesOf(ChangeRange range) {
        switch (range.status()) {
            case FIRST_BUILD:
                return FIRST_BUILD;
            case NO_NEW_COMMIT:
                return NO_NEW_COMMIT;
            case UNKNOWN:
                return UNKNOWN_RANGE;
            case NO_REVISION:
                return NO_REVISION;
            case NO_CHANGE_SOURCE:
                return NO_CHANGE_SOURCE;
            default:
                break;
        }
        List<FileChange> files = range.files();
        if (files.isEmpty()) {
            return range.commits().isEmpty() ? NO_NEW_COMMIT : EMPTY_COMMIT;
        }
        Union union = new Union();
        for (FileChange file : files) {
            union.add(file.path());
            if (file.oldPath() != null) {
                union.add(file.oldPath());
            }
        }
        return union.overflow == null ? setOf(union.bits) : setOf(union.bits, union.overflow);
    }

    /** The verdict of every changed path of a build, in change order; renames give two. */
    public List<FileVerdict> explain(BuildChanges build) {
        List<FileVerdict> verdicts = new ArrayList<>();
        for (FileChange file : build.range().files()) {
            verdicts.add(verdictOf(file.path()));
            if (file.oldPath() != null) {
                verdicts.add(verdictOf(file.oldPath()));
            }
        }
        return verdicts;
    }

    private FileVerdict verdictOf(String path) {
        Verdict verdict = paths.classify(path);
        return new FileVerdict(path, verdict.cause(), verdict.reason());
    }

    private int bitOf(String cause) {
        // rules hand out the same few cause strings again and again: identity first, map second
        String[] known = namesByBit;
        for (int i = 0; i < known.length && i < 16; i++) {
            if (known[i] == cause) {
                return i;
            }
        }
        Integer bit = causeBits.get(cause);
        if (bit != null) {
            return bit;
        }
        synchronized (bitLock) {
            return causeBits.computeIfAbsent(cause, name -> {
                String[] names = namesByBit;
                String[] grown = Arrays.copyOf(names, names.length + 1);
                grown[names.length] = name;
                namesByBit = grown;
                return names.length;
            });
        }
    }

    /** The causes of a range's paths so far: a bit per known cause, names past 63 in a list. */
    private final class Union {
        long bits;
        List<String> overflow;

        void add(String path) {
            Verdict verdict = paths.classify(path);
            addCause(verdict.cause());
            for (String also : verdict.alsoCauses()) {
                addCause(also);
            }
        }

        private void addCause(String cause) {
            int bit = bitOf(cause);
            if (bit < 64) {
                bits |= 1L << bit;
            } else {
                if (overflow == null) {
                    overflow = new ArrayList<>();
                }
                overflow.add(cause);
            }
        }
    }

    private CauseSet setOf(long bits) {
        CauseSet set = setsByBits.get(bits);
        if (set == null) {
            set = setsByBits.computeIfAbsent(bits, b -> intern(CauseSet.of(namesOf(b, new TreeSet<>()))));
        }
        return set;
    }

    private CauseSet setOf(long bits, List<String> overflow) {
        TreeSet<String> names = namesOf(bits, new TreeSet<>(overflow));
        return intern(CauseSet.of(names));
    }

    private TreeSet<String> namesOf(long bits, TreeSet<String> names) {
        String[] byBit = namesByBit;
        for (int bit = 0; bit < 64; bit++) {
            if ((bits & (1L << bit)) != 0) {
                names.add(byBit[bit]);
            }
        }
        return names;
    }

    private CauseSet intern(CauseSet set) {
        CauseSet known = setsByKey.putIfAbsent(set.key(), set);
        return known == null ? set : known;
    }
}
