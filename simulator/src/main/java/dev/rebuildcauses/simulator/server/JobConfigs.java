package dev.rebuildcauses.simulator.server;

import dev.rebuildcauses.simulator.history.JobKind;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.util.function.Function;

/**
 * The {@code config.xml} of simulated items: freestyle jobs and standalone pipelines name their git
 * remote; branch jobs of multibranch projects do not (their SCM lives in the parent's branch source).
 */
final class JobConfigs {
    private JobConfigs() {}

    static String configXml(SimulatedJob job, Function<String, String> cloneUrls, boolean hudsonMode) {
        if (job.kind().isContainer()) {
            return "<?xml version='1.1' encoding='UTF-8'?>\n<" + tag(job.kind()) + "/>\n";
        }
        String url = cloneUrls.apply(job.repositoryKey());
        if (hudsonMode || job.kind() == JobKind.FREESTYLE) {
            return "<?xml version='1.1' encoding='UTF-8'?>\n<project>\n  <scm class=\"hudson.plugins.git.GitSCM\">\n"
                    + "    <userRemoteConfigs>\n      <hudson.plugins.git.UserRemoteConfig>\n        <url>" + url
                    + "</url>\n      </hudson.plugins.git.UserRemoteConfig>\n    </userRemoteConfigs>\n"
                    + "  </scm>\n  <builders/>\n</project>\n";
        }
        if (job.isBranchJob()) {
            return "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition>\n  <properties>\n"
                    + "    <org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty/>\n  </properties>\n"
                    + "  <definition class=\"org.jenkinsci.plugins.workflow.multibranch.SCMBinder\"/>\n"
                    + "</flow-definition>\n";
        }
        return "<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition>\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsScmFlowDefinition\">\n"
                + "    <scm class=\"hudson.plugins.git.GitSCM\">\n      <userRemoteConfigs>\n"
                + "        <hudson.plugins.git.UserRemoteConfig>\n          <url>" + url
                + "</url>\n        </hudson.plugins.git.UserRemoteConfig>\n      </userRemoteConfigs>\n"
                + "    </scm>\n    <scriptPath>Jenkinsfile</scriptPath>\n  </definition>\n</flow-definition>\n";
    }

    private static String tag(JobKind kind) {
        String name = kind.className();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
