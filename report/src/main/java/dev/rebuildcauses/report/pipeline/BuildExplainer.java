package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.infer.InferringClassifier;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.model.BuildChanges;

/** Classifies one build and says why each of its files has its cause: by the rules alone, or with inference. */
@FunctionalInterface
public interface BuildExplainer {
    ExplainedBuild explain(BuildChanges build) throws SnapshotException;

    /** The rules alone, as {@link BuildClassifier} decides. */
    static BuildExplainer rulesOnly(PathClassifier rules) {
        BuildClassifier classifier = new BuildClassifier(rules);
        return build -> new ExplainedBuild(classifier.classify(build), classifier.explain(build));
    }

    /** The user's rules, then what the repository says, then the default rules. */
    static BuildExplainer inferring(InferringClassifier classifier) {
        return classifier::classify;
    }
}
