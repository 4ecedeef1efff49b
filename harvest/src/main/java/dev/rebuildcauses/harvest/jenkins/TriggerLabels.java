package dev.rebuildcauses.harvest.jenkins;

import dev.rebuildcauses.harvest.model.TriggerCause;
import java.util.List;
import java.util.Locale;

/**
 * A build's trigger as one short label for {@code Build.trigger}: {@code push}, {@code timer},
 * {@code user:<id>}, {@code upstream:<project>#<n>}, {@code replay}, {@code restart}, {@code rebuild},
 * {@code branch-indexing}, else the cause's class simple name.
 */
public final class TriggerLabels {
    // when a build has several causes, the more specific wins: a replay also carries its user
    private static final List<String> PRECEDENCE =
            List.of("replay", "restart", "rebuild", "upstream", "push", "branch-indexing", "timer", "user");

    private TriggerLabels() {}

    /** The label of the most specific cause, {@code ""} when there is none. */
    public static String label(List<TriggerCause> causes) {
        String best = "";
        int bestRank = Integer.MAX_VALUE;
        for (TriggerCause cause : causes) {
            String label = label(cause);
            int colon = label.indexOf(':');
            int rank = PRECEDENCE.indexOf(colon < 0 ? label : label.substring(0, colon));
            rank = rank < 0 ? PRECEDENCE.size() : rank;
            if (rank < bestRank) {
                best = label;
                bestRank = rank;
            }
        }
        return best;
    }

    /** The label of one cause. */
    public static String label(TriggerCause cause) {
        String type = cause.className();
        if (type.isEmpty()) {
            return fromDescription(cause);
        }
        return switch (type) {
            case "hudson.triggers.SCMTrigger$SCMTriggerCause",
                    "jenkins.branch.BranchEventCause",
                    "com.cloudbees.jenkins.plugins.BitBucketPushCause" -> "push";
            case "hudson.triggers.TimerTrigger$TimerTriggerCause" -> "timer";
            case "hudson.model.Cause$UserIdCause", "hudson.model.Cause$UserCause" -> withDetail("user", cause);
            case "hudson.model.Cause$UpstreamCause" -> withDetail("upstream", cause);
            case "org.jenkinsci.plugins.workflow.cps.replay.ReplayCause" -> "replay";
            case "org.jenkinsci.plugins.pipeline.modeldefinition.causes.RestartDeclarativePipelineCause" -> "restart";
            case "com.sonyericsson.rebuild.RebuildCause" -> "rebuild";
            case "jenkins.branch.BranchIndexingCause" -> "branch-indexing";
            default -> simpleName(type);
        };
    }

    /** Hudson sends no {@code _class}: its short descriptions are stable English sentences. */
    private static String fromDescription(TriggerCause cause) {
        String text = cause.description().toLowerCase(Locale.ROOT);
        if (text.contains("scm change")) {
            return "push";
        }
        if (text.contains("timer")) {
            return "timer";
        }
        if (text.contains("upstream project")) {
            return withDetail("upstream", cause);
        }
        if (text.startsWith("started by user")) {
            String detail = cause.detail().isEmpty()
                    ? cause.description().substring("started by user".length()).trim()
                    : cause.detail();
            return detail.isEmpty() ? "user" : "user:" + detail;
        }
        return cause.description();
    }

    private static String withDetail(String label, TriggerCause cause) {
        return cause.detail().isEmpty() ? label : label + ":" + cause.detail();
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
