package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.harvest.model.TriggerCause;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerLabelsTest {
    private static TriggerCause cause(String className, String detail) {
        return new TriggerCause(className, "", detail);
    }

    @Test
    void shouldLabelEveryKnownCauseClass() {
        assertThat(TriggerLabels.label(cause("hudson.triggers.SCMTrigger$SCMTriggerCause", "")))
                .isEqualTo("push");
        assertThat(TriggerLabels.label(cause("jenkins.branch.BranchEventCause", "")))
                .isEqualTo("push");
        assertThat(TriggerLabels.label(cause("com.cloudbees.jenkins.plugins.BitBucketPushCause", "")))
                .isEqualTo("push");
        assertThat(TriggerLabels.label(cause("hudson.triggers.TimerTrigger$TimerTriggerCause", "")))
                .isEqualTo("timer");
        assertThat(TriggerLabels.label(cause("hudson.model.Cause$UserIdCause", "alice")))
                .isEqualTo("user:alice");
        assertThat(TriggerLabels.label(cause("hudson.model.Cause$UpstreamCause", "libs/base#42")))
                .isEqualTo("upstream:libs/base#42");
        assertThat(TriggerLabels.label(cause("jenkins.branch.BranchIndexingCause", "")))
                .isEqualTo("branch-indexing");
        assertThat(TriggerLabels.label(cause("org.jenkinsci.plugins.workflow.cps.replay.ReplayCause", "")))
                .isEqualTo("replay");
        assertThat(TriggerLabels.label(cause(
                        "org.jenkinsci.plugins.pipeline.modeldefinition.causes.RestartDeclarativePipelineCause", "")))
                .isEqualTo("restart");
        assertThat(TriggerLabels.label(cause("com.sonyericsson.rebuild.RebuildCause", "")))
                .isEqualTo("rebuild");
    }

    @Test
    void shouldNameAnUnknownCauseByItsSimpleClassName() {
        assertThat(TriggerLabels.label(cause("org.example.gerrit.GerritCause$PatchsetCreated", "")))
                .isEqualTo("PatchsetCreated");
    }

    @Test
    void shouldLetAReplayWinOverTheUserWhoStartedIt() {
        List<TriggerCause> causes = List.of(
                cause("hudson.model.Cause$UserIdCause", "alice"),
                cause("org.jenkinsci.plugins.workflow.cps.replay.ReplayCause", ""));

        assertThat(TriggerLabels.label(causes)).isEqualTo("replay");
        assertThat(TriggerLabels.label(List.of())).isEmpty();
    }

    @Test
    void shouldReadHudsonCausesFromTheirDescription() {
        assertThat(TriggerLabels.label(new TriggerCause("", "Started by an SCM change", "")))
                .isEqualTo("push");
        assertThat(TriggerLabels.label(new TriggerCause("", "Started by timer", "")))
                .isEqualTo("timer");
        assertThat(TriggerLabels.label(new TriggerCause("", "Started by user anonymous", "")))
                .isEqualTo("user:anonymous");
        assertThat(TriggerLabels.label(
                        new TriggerCause("", "Started by upstream project \"libs\" build number 7", "libs#7")))
                .isEqualTo("upstream:libs#7");
    }
}
